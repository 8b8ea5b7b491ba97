package dev.veto.store;

import dev.veto.spi.signal.Signal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signals as the store keeps them (audit records, review cases): category, score to three decimals,
 * classifier and evidence — never spans, which point into the raw text.
 */
public final class SignalSummaries {

    private SignalSummaries() {
    }

    /**
     * Summarizes signals.
     *
     * @param signals the signals
     * @return one ordered map per signal, ready to be written as JSON
     */
    public static List<Map<String, Object>> of(List<Signal> signals) {
        List<Map<String, Object>> summaries = new ArrayList<>(signals.size());
        for (Signal signal : signals) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("category", signal.category());
            summary.put("score", Math.round(signal.score() * 1000) / 1000.0);
            summary.put("classifier", signal.classifier());
            summary.put("evidence", signal.evidence());
            summaries.add(summary);
        }
        return summaries;
    }
}
