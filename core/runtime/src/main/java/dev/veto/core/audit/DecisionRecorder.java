package dev.veto.core.audit;

import dev.veto.core.Decision;
import dev.veto.core.privacy.RedactedRequest;

/**
 * Receives every decision the chain makes, on the request's thread, after the decision is final and before
 * it is returned. Recorders see the request redacted (personal data masked unless the tenant allows raw
 * text; see {@link dev.veto.core.privacy.Redactor}).
 *
 * <p>An optional recorder (metrics, a log line) that throws is logged and does not change the decision. A
 * {@linkplain #required() required} one (the durable audit trail) that throws stops the decision from being
 * acknowledged: the caller gets a {@link dev.veto.core.DecisionNotRecordedException} instead.
 */
@FunctionalInterface
public interface DecisionRecorder {

    /**
     * Records one decision.
     *
     * @param request  the request as it may be kept
     * @param decision the decision
     */
    void record(RedactedRequest request, Decision decision);

    /**
     * Whether a decision this recorder could not record must not be acknowledged.
     *
     * @return true for an audit trail every acknowledged decision must be in; false by default
     */
    default boolean required() {
        return false;
    }
}
