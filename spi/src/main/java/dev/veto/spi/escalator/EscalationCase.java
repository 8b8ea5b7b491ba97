package dev.veto.spi.escalator;

import dev.veto.spi.policy.Ruling;
import dev.veto.spi.request.Request;
import java.util.Objects;

/**
 * A request the policy escalated, as handed to humans.
 *
 * @param request the request; its text has personal data masked unless the tenant allows raw text
 * @param ruling  the gate's ruling with rule, categories, rationale and evidence
 */
public record EscalationCase(Request request, Ruling ruling) {

    /**
     * Validates the components.
     *
     * @param request the request; its text has personal data masked unless the tenant allows raw text
     * @param ruling  the gate's ruling with rule, categories, rationale and evidence
     */
    public EscalationCase {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(ruling, "ruling");
    }
}
