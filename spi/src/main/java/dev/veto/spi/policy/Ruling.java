package dev.veto.spi.policy;

import dev.veto.spi.signal.Signal;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The policy gate's decision with its reasons: what was decided, under which rule of which policy version,
 * and on what evidence.
 *
 * @param verdict       the decision
 * @param constraints   what a constrained answer must respect; empty unless the verdict is
 *                      {@link Verdict#CONSTRAIN}
 * @param rule          the id of the rule that fired, e.g. {@code threshold/indiscriminate-weapons/refuse}
 * @param categories    the categories that drove the decision, most severe first; empty for a plain allow
 * @param rationale     operator-facing explanation; may name categories, rules, scores and evidence, and
 *                      is never shown to the end user
 * @param policyVersion the policy's name and content hash, e.g. {@code baseline@3f2a9c1d0b7e}
 * @param evidence      the signals the decision rests on
 */
public record Ruling(Verdict verdict, Set<Constraint> constraints, String rule, List<String> categories,
                     String rationale, String policyVersion, List<Signal> evidence) {

    /**
     * Validates and copies the components.
     *
     * @param verdict       the decision
     * @param constraints   what a constrained answer must respect; empty unless the verdict is
     *              {@link Verdict#CONSTRAIN}
     * @param rule          the id of the rule that fired, e.g. {@code threshold/indiscriminate-weapons/refuse}
     * @param categories    the categories that drove the decision, most severe first; empty for a plain allow
     * @param rationale     operator-facing explanation; may name categories, rules, scores and evidence, and
     *              is never shown to the end user
     * @param policyVersion the policy's name and content hash, e.g. {@code baseline@3f2a9c1d0b7e}
     * @param evidence      the signals the decision rests on
     */
    public Ruling {
        Objects.requireNonNull(verdict, "verdict");
        constraints = constraints == null ? Set.of() : Set.copyOf(constraints);
        Objects.requireNonNull(rule, "rule");
        categories = categories == null ? List.of() : List.copyOf(categories);
        rationale = rationale == null ? "" : rationale;
        Objects.requireNonNull(policyVersion, "policyVersion");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
