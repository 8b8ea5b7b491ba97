package dev.veto.core.chain;

import dev.veto.spi.policy.Verdict;
import java.util.List;

/**
 * What reading a text besides the latest user message found — earlier user turns, turns read together, another
 * role's messages: its outcome (signals only where they count) and the verdict the reading alone would earn.
 *
 * @param outcome the signals that count and every classifier call made
 * @param verdict the verdict of the reading alone
 */
record TurnReading(Classification.Outcome outcome, Verdict verdict) {

    /** Nothing read. */
    static final TurnReading NONE = new TurnReading(new Classification.Outcome(List.of(), List.of()), Verdict.ALLOW);
}
