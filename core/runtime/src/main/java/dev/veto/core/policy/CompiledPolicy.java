package dev.veto.core.policy;

import dev.veto.core.trace.ComponentCall;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.policy.Constraint;
import dev.veto.spi.policy.Ruling;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.request.Request;
import dev.veto.spi.signal.Signal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The policy that applies to one combination of overlays (base, tenant, jurisdiction), ready to decide.
 * Immutable and thread-safe; evaluation allocates little and touches each rule once per signal.
 *
 * <p>Precedence, as documented in {@code docs/policy.md}:
 * <ol>
 *   <li>a fail-closed component failure earns {@code on-component-failure} unless something stricter fired;</li>
 *   <li>each signal's verdict is decided by the best matching signal rule — highest {@code priority}, then
 *       most conditions, then evaluation order (jurisdiction overlay, tenant overlay, base; file order) —
 *       or, if no rule matches, by its category's thresholds;</li>
 *   <li>every matching request rule adds its verdict;</li>
 *   <li>the strictest verdict wins; at equal verdict a rule beats a threshold, then the higher score.</li>
 * </ol>
 */
final class CompiledPolicy {

    private final String name;
    private final String version;
    private final String tone;
    private final Verdict failureVerdict;
    private final Thresholds defaults;
    private final Map<String, Thresholds> categories;
    private final List<PolicyRule> signalRules;
    private final List<PolicyRule> requestRules;
    private Messages messages;

    CompiledPolicy(String name, String version, String tone, Verdict failureVerdict, Thresholds defaults,
                   Map<String, Thresholds> categories, List<PolicyRule> rules) {
        this.name = name;
        this.version = version;
        this.tone = tone;
        this.failureVerdict = failureVerdict;
        this.defaults = defaults;
        this.categories = Map.copyOf(categories);
        this.signalRules = rules.stream().filter(PolicyRule::signalRule).toList();
        this.requestRules = rules.stream().filter(r -> !r.signalRule()).toList();
    }

    String name() {
        return name;
    }

    /** Attaches the policy's messages; done once, by the bundle, before the policy is published. */
    CompiledPolicy withMessages(Messages value) {
        this.messages = value;
        return this;
    }

    String version() {
        return version;
    }

    String tone() {
        return tone;
    }

    List<PolicyRule> rules() {
        List<PolicyRule> all = new ArrayList<>(signalRules);
        all.addAll(requestRules);
        all.sort(Comparator.comparingInt(PolicyRule::order));
        return all;
    }

    Thresholds thresholdsOf(String category) {
        return categories.getOrDefault(category, defaults);
    }

    /** How one signal was judged. */
    private record Judged(Signal signal, Verdict verdict, PolicyRule rule) {
        boolean beats(Judged other) {
            if (verdict != other.verdict) {
                return verdict.ordinal() > other.verdict.ordinal();
            }
            if ((rule != null) != (other.rule != null)) {
                return rule != null;
            }
            return signal != null && other.signal != null && signal.score() > other.signal.score();
        }
    }

    PolicyOutcome decide(Stage stage, Request request, List<Signal> signals, List<ComponentCall> calls) {
        String prefix = stage == Stage.OUTPUT ? "output/" : "";
        boolean[] contextMatches = new boolean[signalRules.size()];
        for (int i = 0; i < contextMatches.length; i++) {
            contextMatches[i] = signalRules.get(i).matchesContext(request);
        }

        List<Judged> judged = new ArrayList<>(signals.size() + 2);
        Judged winner = null;
        for (Signal signal : signals) {
            Thresholds thresholds = thresholdsOf(signal.category());
            double floor = thresholds.lowest();
            PolicyRule best = null;
            for (int i = 0; i < contextMatches.length; i++) {
                PolicyRule rule = signalRules.get(i);
                if (contextMatches[i] && rule.matchesSignal(signal, floor) && (best == null || rule.outranks(best))) {
                    best = rule;
                }
            }
            Verdict verdict = best != null ? best.verdict() : thresholds.verdictFor(signal.score());
            if (verdict == Verdict.ALLOW && best == null) {
                continue;
            }
            Judged j = new Judged(signal, verdict, best);
            judged.add(j);
            if (winner == null || j.beats(winner)) {
                winner = j;
            }
        }
        for (PolicyRule rule : requestRules) {
            if (rule.matchesContext(request)) {
                Judged j = new Judged(null, rule.verdict(), rule);
                judged.add(j);
                if (winner == null || j.beats(winner)) {
                    winner = j;
                }
            }
        }

        List<ComponentCall> failedClosed = calls.stream().filter(ComponentCall::failedClosed).toList();
        List<ComponentCall> failedOpen = calls.stream().filter(c -> !c.outcome().succeeded() && !c.failedClosed()).toList();
        List<Signal> evidence = judged.stream().filter(j -> j.signal != null).map(Judged::signal).toList();
        List<String> categoryIds = judged.stream()
                .filter(j -> j.signal != null && j.verdict != Verdict.ALLOW)
                .sorted(Comparator.comparingInt((Judged j) -> j.verdict.ordinal()).thenComparingDouble(j -> j.signal.score()).reversed())
                .map(j -> j.signal.category()).distinct().toList();

        StringBuilder rationale = new StringBuilder();
        if (!failedClosed.isEmpty() && (winner == null || failureVerdict.ordinal() >= winner.verdict.ordinal())) {
            rationale.append(describeFailures(failedClosed)).append(": fail-closed, so the policy's failure verdict ")
                    .append(failureVerdict).append(" applies");
            appendOthers(rationale, judged, null);
            appendFailOpen(rationale, failedOpen);
            return outcome(new Ruling(failureVerdict, Set.of(), prefix + "failure/" + failedClosed.get(0).component(),
                    categoryIds, rationale.toString(), version, evidence), "");
        }
        if (winner == null) {
            rationale.append("no signal reached a threshold");
            signals.stream().max(Comparator.comparingDouble(Signal::score)).ifPresent(s ->
                    rationale.append(" (highest: ").append(describe(s)).append(')'));
            appendFailOpen(rationale, failedOpen);
            return outcome(new Ruling(Verdict.ALLOW, Set.of(), prefix + "default/allow", List.of(),
                    rationale.toString(), version, List.of()), "");
        }

        String ruleId;
        if (winner.rule != null) {
            ruleId = prefix + "rule/" + winner.rule.id();
            rationale.append("rule ").append(winner.rule.id()).append(" (").append(winner.rule.origin()).append(") set ")
                    .append(winner.verdict);
            if (winner.signal != null) {
                rationale.append(" for ").append(describe(winner.signal));
                Verdict byThreshold = thresholdsOf(winner.signal.category()).verdictFor(winner.signal.score());
                if (byThreshold != winner.verdict) {
                    rationale.append(" (thresholds alone: ").append(byThreshold).append(')');
                }
            } else {
                rationale.append(" for this context");
            }
        } else {
            String category = winner.signal.category();
            ruleId = prefix + "threshold/" + category + "/" + winner.verdict.name().toLowerCase(Locale.ROOT);
            rationale.append(describe(winner.signal)).append(" reached the ")
                    .append(winner.verdict.name().toLowerCase(Locale.ROOT)).append(" threshold ")
                    .append(format(thresholdsOf(category).threshold(winner.verdict).orElse(0)))
                    .append(" of category ").append(category);
        }
        appendOthers(rationale, judged, winner);
        appendFailOpen(rationale, failedOpen);
        Set<Constraint> constraints = winner.verdict == Verdict.CONSTRAIN ? constraints(judged) : Set.of();
        String template = winner.rule != null ? winner.rule.template() : "";
        return outcome(new Ruling(winner.verdict, constraints, ruleId,
                winner.verdict == Verdict.ALLOW ? List.of() : categoryIds, rationale.toString(), version, evidence), template);
    }

    private PolicyOutcome outcome(Ruling ruling, String template) {
        return new PolicyOutcome(ruling, template, tone, messages);
    }

    private Set<Constraint> constraints(List<Judged> judged) {
        Set<Constraint> constraints = EnumSet.noneOf(Constraint.class);
        for (Judged j : judged) {
            if (j.verdict == Verdict.CONSTRAIN) {
                constraints.addAll(j.rule != null ? j.rule.constraints() : thresholdsOf(j.signal.category()).constraints());
            }
        }
        return constraints;
    }

    private static void appendOthers(StringBuilder rationale, List<Judged> judged, Judged winner) {
        List<String> others = judged.stream().filter(j -> j != winner)
                .map(j -> j.signal == null ? "rule " + j.rule.id() + " " + j.verdict
                        : describe(j.signal) + " " + j.verdict + (j.rule != null ? " by rule " + j.rule.id() : ""))
                .toList();
        if (!others.isEmpty()) {
            rationale.append("; also ").append(String.join(", ", others));
        }
    }

    private static void appendFailOpen(StringBuilder rationale, List<ComponentCall> failedOpen) {
        if (!failedOpen.isEmpty()) {
            rationale.append("; ").append(describeFailures(failedOpen)).append(" (fail-open, ignored)");
        }
    }

    private static String describeFailures(List<ComponentCall> failures) {
        return failures.stream().map(c -> c.component() + " " + c.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + (c.error().isEmpty() ? "" : " (" + c.error() + ")"))
                .collect(Collectors.joining(", "));
    }

    private static String describe(Signal signal) {
        StringBuilder text = new StringBuilder(signal.category()).append(' ').append(format(signal.score()));
        if (!signal.classifier().isEmpty()) {
            text.append(" from ").append(signal.classifier());
        }
        if (!signal.evidence().isEmpty()) {
            text.append(" [").append(String.join("; ", signal.evidence())).append(']');
        }
        return text.toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
