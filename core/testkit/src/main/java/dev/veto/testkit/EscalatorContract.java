package dev.veto.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veto.spi.escalator.EscalationCase;
import dev.veto.spi.escalator.EscalationOutcome;
import dev.veto.spi.escalator.EscalationTicket;
import dev.veto.spi.escalator.Escalator;
import dev.veto.spi.escalator.EscalatorFactory;
import dev.veto.spi.policy.Ruling;
import dev.veto.spi.policy.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link Escalator}: every case gets its own case id, also from many threads at once,
 * and asking about a case is never an error.
 */
public abstract class EscalatorContract extends ComponentContract<EscalatorFactory, Escalator> {

    /** Creates the contract; JUnit calls it through the plugin's subclass. */
    protected EscalatorContract() {
    }

    /**
     * The case escalated in the tests.
     *
     * @param text the user's message
     * @return a case under an ESCALATE ruling
     */
    protected EscalationCase escalationCase(String text) {
        Ruling ruling = new Ruling(Verdict.ESCALATE, Set.of(), "contract/escalate", List.of("self-harm"),
                "contract test", "contract@1", List.of());
        return new EscalationCase(Requests.of(text), ruling);
    }

    @Override
    protected void exercise(Escalator instance) throws Exception {
        EscalationTicket ticket = instance.escalate(escalationCase("I need to talk to someone."));
        instance.outcome(ticket.caseId());
    }

    /**
     * A ticket names its case.
     *
     * @throws Exception if the component fails
     */
    @Test
    public void aCaseGetsATicketWithACaseId() throws Exception {
        EscalationTicket ticket = withinDeadline("escalate", () -> component.escalate(escalationCase("Please review this.")));
        assertNotNull(ticket, "escalate returned null");
        assertTrue(!ticket.caseId().isBlank(), "the ticket's case id is blank");
    }

    /**
     * Asking about a case id the escalator never issued is an empty answer, not an exception.
     *
     * @throws Exception if the component fails
     */
    @Test
    public void anUnknownCaseHasNoOutcome() throws Exception {
        Optional<EscalationOutcome> outcome = withinDeadline("outcome", () -> component.outcome("no-such-case-" + System.nanoTime()));
        assertNotNull(outcome, "outcome returned null; return Optional.empty()");
        assertTrue(outcome.isEmpty(), "an unknown case id has an outcome: " + outcome);
    }

    /**
     * With {@link Capability#OUTCOME_LOOKUP}: a case it opened can be looked up, by its own id.
     *
     * @throws Exception if the component fails
     */
    @Test
    public void anOpenedCaseCanBeLookedUp() throws Exception {
        Assumptions.assumeTrue(capabilities().contains(Capability.OUTCOME_LOOKUP), "does not claim OUTCOME_LOOKUP");
        EscalationTicket ticket = component.escalate(escalationCase("Please review this."));
        Optional<EscalationOutcome> outcome = withinDeadline("outcome", () -> component.outcome(ticket.caseId()));
        assertTrue(outcome.isPresent(), "no outcome for case " + ticket.caseId() + " it just opened");
        assertEquals(ticket.caseId(), outcome.get().caseId(), "the outcome names another case");
    }

    /**
     * Cases opened from many threads at once get distinct ids.
     *
     * @throws Exception if the component fails
     */
    @Test
    public void concurrentCasesGetDistinctIds() throws Exception {
        List<Callable<EscalationTicket>> calls = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String text = "case " + i;
            calls.add(() -> component.escalate(escalationCase(text)));
        }
        Set<String> ids = new HashSet<>();
        for (EscalationTicket ticket : concurrently(calls)) {
            assertTrue(ids.add(ticket.caseId()), "case id " + ticket.caseId() + " was issued twice");
        }
    }
}
