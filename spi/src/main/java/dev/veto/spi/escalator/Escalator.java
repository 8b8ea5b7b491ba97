package dev.veto.spi.escalator;

import java.util.Optional;

/**
 * Hands escalated cases to humans. Must be thread-safe; runs under the escalate stage's deadline.
 */
public interface Escalator extends AutoCloseable {

    /**
     * Opens a case. Return only once the case is durably recorded, so an acknowledged escalation is never
     * lost.
     *
     * @param escalationCase the case
     * @return the ticket the user and operators follow the case by
     * @throws Exception if the case could not be opened; the host applies the stage's failure behaviour
     */
    EscalationTicket escalate(EscalationCase escalationCase) throws Exception;

    /**
     * Looks up how a case stands.
     *
     * @param caseId the id from the ticket
     * @return the outcome, or empty if this escalator does not know the case or cannot report outcomes
     * @throws Exception if the lookup fails
     */
    default Optional<EscalationOutcome> outcome(String caseId) throws Exception {
        return Optional.empty();
    }

    /**
     * Releases resources. Called once when the host shuts down.
     *
     * @throws Exception if releasing fails; the host logs it and goes on
     */
    @Override
    default void close() throws Exception {
    }
}
