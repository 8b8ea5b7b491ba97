package dev.veto.core.audit;

import dev.veto.core.Decision;
import dev.veto.spi.request.Request;

/**
 * Receives every decision the chain makes, on the request's thread, after the decision is final. A recorder
 * that throws is logged and does not change the decision.
 */
@FunctionalInterface
public interface DecisionRecorder {

    /**
     * Records one decision.
     *
     * @param request  the request as received
     * @param decision the decision
     */
    void record(Request request, Decision decision);
}
