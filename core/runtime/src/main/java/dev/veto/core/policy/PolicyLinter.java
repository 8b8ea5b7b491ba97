package dev.veto.core.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Checks a policy beyond validity: rules that can never match, rules that never win because another rule
 * always outranks them, and translations that fall back to English.
 */
public final class PolicyLinter {

    /** How serious a finding is: errors make the policy unusable, warnings point at dead rules. */
    public enum Severity {
        /** The policy cannot be loaded. */
        ERROR,
        /** A rule is dead: unreachable or shadowed. */
        WARNING,
        /** Worth knowing, e.g. a partial translation. */
        INFO
    }

    /**
     * One finding.
     *
     * @param severity how serious
     * @param message  what, with file and line where known
     */
    public record Finding(Severity severity, String message) {
    }

    private PolicyLinter() {
    }

    /**
     * Lints a policy.
     *
     * @param source where the policy is
     * @return the findings, errors first; empty when all is well
     */
    public static List<Finding> lint(PolicySource source) {
        PolicyBundle bundle;
        try {
            bundle = PolicyBundle.load(source);
        } catch (PolicyException e) {
            return e.problems().stream().map(p -> new Finding(Severity.ERROR, p)).toList();
        }
        Map<String, Finding> findings = new LinkedHashMap<>();
        for (CompiledPolicy policy : bundle.validatedPolicies()) {
            List<PolicyRule> rules = policy.rules();
            for (PolicyRule rule : rules) {
                unreachable(policy, rule).ifPresent(reason -> findings.putIfAbsent(rule.id(),
                        new Finding(Severity.WARNING, rule.origin() + ": rule " + rule.id() + " can never match: " + reason)));
                for (PolicyRule other : rules) {
                    if (other != rule && other.signalRule() == rule.signalRule() && other.outranks(rule)
                            && covers(policy, other, rule)) {
                        findings.putIfAbsent(rule.id(), new Finding(Severity.WARNING, rule.origin() + ": rule " + rule.id()
                                + " never wins: rule " + other.id() + " (" + other.origin() + ") matches everything it matches and outranks it"));
                        break;
                    }
                }
            }
        }
        List<Finding> result = new ArrayList<>(findings.values());
        result.addAll(translations(bundle));
        return result;
    }

    private static java.util.Optional<String> unreachable(CompiledPolicy policy, PolicyRule rule) {
        String scope = rule.id().contains("/") ? rule.id().substring(0, rule.id().indexOf('/')) : "";
        if (scope.startsWith("tenant:") && !rule.tenant().matches(scope.substring(7))) {
            return java.util.Optional.of("it is in the overlay of tenant " + scope.substring(7) + " but requires another tenant");
        }
        if (scope.startsWith("jurisdiction:") && !rule.jurisdiction().matches(scope.substring(13))) {
            return java.util.Optional.of("it is in the overlay of jurisdiction " + scope.substring(13) + " but requires another jurisdiction");
        }
        if (rule.signalRule() && rule.minScore().isEmpty() && rule.maxScore().isPresent()) {
            List<String> categories = rule.conditions().get("category");
            if (categories != null && categories.stream().noneMatch(c -> c.contains("*") || c.contains("?"))
                    && categories.stream().allMatch(c -> rule.maxScore().getAsDouble() < policy.thresholdsOf(c).lowest())) {
                return java.util.Optional.of("its max-score is below every threshold of its categories, and without a "
                        + "min-score it applies only from the lowest threshold up");
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether {@code broad} matches every signal and context {@code narrow} matches. */
    private static boolean covers(CompiledPolicy policy, PolicyRule broad, PolicyRule narrow) {
        for (Map.Entry<String, List<String>> condition : broad.conditions().entrySet()) {
            String key = condition.getKey();
            if (key.equals("min-score") || key.equals("max-score")) {
                continue;
            }
            List<String> patterns = condition.getValue();
            if (patterns.contains("*")) {
                continue;
            }
            List<String> narrower = narrow.conditions().get(key);
            if (narrower == null || narrower.stream().anyMatch(v -> v.contains("*") || v.contains("?"))
                    || !Set.copyOf(patterns).containsAll(narrower)) {
                return false;
            }
        }
        return min(broad) <= min(narrow) && max(broad) >= max(narrow);
    }

    private static double min(PolicyRule rule) {
        return rule.minScore().orElse(0.0);
    }

    private static double max(PolicyRule rule) {
        OptionalDouble max = rule.maxScore();
        return max.orElse(1.0);
    }

    private static List<Finding> translations(PolicyBundle bundle) {
        List<Finding> findings = new ArrayList<>();
        Messages messages = bundle.messages();
        List<String> english = messages.paths(Messages.FALLBACK);
        for (String language : messages.languages()) {
            if (language.equals(Messages.FALLBACK)) {
                continue;
            }
            List<String> own = messages.paths(language);
            long missing = english.stream().filter(p -> !own.contains(p)).count();
            if (missing > 0) {
                findings.add(new Finding(Severity.INFO, "messages/" + language + ".conf: " + missing + " of "
                        + english.size() + " English messages have no translation and fall back to English"));
            }
        }
        return findings;
    }
}
