package dev.veto.spi.escalator;

import java.time.Duration;
import java.util.Objects;

/**
 * The receipt for an escalated case: how to follow it, and when to expect an answer.
 *
 * @param caseId           an id to fetch the outcome with, unique within the escalator
 * @param status           the case's status now, usually {@link EscalationStatus#PENDING}
 * @param expectedResponse how long a human decision is expected to take; {@link Duration#ZERO} if unknown
 */
public record EscalationTicket(String caseId, EscalationStatus status, Duration expectedResponse) {

    /**
     * Validates the components.
     *
     * @param caseId           an id to fetch the outcome with, unique within the escalator
     * @param status           the case's status now, usually {@link EscalationStatus#PENDING}
     * @param expectedResponse how long a human decision is expected to take; {@link Duration#ZERO} if unknown
     */
    public EscalationTicket {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(status, "status");
        expectedResponse = expectedResponse == null ? Duration.ZERO : expectedResponse;
    }
}
