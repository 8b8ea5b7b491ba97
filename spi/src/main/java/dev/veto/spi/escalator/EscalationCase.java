package dev.veto.spi.escalator;

import dev.veto.spi.policy.Ruling;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.request.Request;
import java.util.Objects;

/**
 * A request the policy escalated, as handed to humans.
 *
 * @param request  the request; its text has personal data masked unless the tenant allows raw text
 * @param ruling   the gate's ruling with rule, categories, rationale and evidence
 * @param onExpiry the verdict that applies when nobody decides the case in time (the policy's
 *                 {@code on-escalation-expiry}); since SPI 1.1
 */
public record EscalationCase(Request request, Ruling ruling, Verdict onExpiry) {

    /**
     * Validates the components.
     *
     * @param request  the request; its text has personal data masked unless the tenant allows raw text
     * @param ruling   the gate's ruling with rule, categories, rationale and evidence
     * @param onExpiry the verdict that applies when nobody decides the case in time; {@code ESCALATE} is not
     *                 a final verdict and is not accepted
     */
    public EscalationCase {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(ruling, "ruling");
        Objects.requireNonNull(onExpiry, "onExpiry");
        if (onExpiry == Verdict.ESCALATE) {
            throw new IllegalArgumentException("onExpiry must be a final verdict, not ESCALATE");
        }
    }

    /**
     * A case that is refused when nobody decides it in time (the SPI 1.0 constructor).
     *
     * @param request the request; its text has personal data masked unless the tenant allows raw text
     * @param ruling  the gate's ruling with rule, categories, rationale and evidence
     */
    public EscalationCase(Request request, Ruling ruling) {
        this(request, ruling, Verdict.REFUSE);
    }
}
