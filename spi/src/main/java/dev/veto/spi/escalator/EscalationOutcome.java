package dev.veto.spi.escalator;

import java.util.Objects;

/**
 * How a human resolved a case.
 *
 * @param caseId   the case
 * @param status   the final or current status
 * @param response the response the reviewer approved or wrote, possibly empty
 * @param note     the reviewer's note for operators, possibly empty
 */
public record EscalationOutcome(String caseId, EscalationStatus status, String response, String note) {

    /**
     * Validates the components.
     *
     * @param caseId   the case
     * @param status   the final or current status
     * @param response the response the reviewer approved or wrote, possibly empty
     * @param note     the reviewer's note for operators, possibly empty
     */
    public EscalationOutcome {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(status, "status");
        response = response == null ? "" : response;
        note = note == null ? "" : note;
    }
}
