package dev.veto.core.policy;

import dev.veto.spi.policy.Ruling;
import java.util.Objects;

/**
 * What the policy decided, with what the reply needs from the same policy version.
 *
 * @param ruling   the verdict, rule, categories, rationale, policy version and evidence
 * @param template the message template the winning rule names, or empty
 * @param tone     the tone of the policy that applied (the tenant's, if its overlay sets one)
 * @param messages the user-facing templates of the same policy version
 * @param componentFailure whether the ruling is the policy's failure verdict for a fail-closed component
 */
public record PolicyOutcome(Ruling ruling, String template, String tone, Messages messages, boolean componentFailure) {

    /** Validates the components. */
    public PolicyOutcome {
        Objects.requireNonNull(ruling, "ruling");
        template = template == null ? "" : template;
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(messages, "messages");
    }
}
