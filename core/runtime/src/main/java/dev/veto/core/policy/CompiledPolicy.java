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
 *   <li>the strictest verdict wins; at equal verdict a rule beats a threshold, then the higher priority,
 *       then the higher score.</li>
 * </ol>
 */
final class CompiledPolicy {

    private final String name;
    private final String version;
    private final String tone;
    private final Verdict failureVerdict;
    private final Verdict expiryVerdict;
    private final boolean secondTierAlways;
    private final Thresholds defaults;
    private final Map<String, Thresholds> categories;
    private final List<PolicyRule> signalRules;
    private final List<PolicyRule> requestRules;
    /** Signal rules by the literal categories they name: a signal is matched against these and the next. */
    private final Map<String, int[]> rulesByCategory;
    /** Signal rules without a category condition, or with a wildcard one: tried for every signal. */
    private final int[] rulesForAnyCategory;
    private Messages messages;

    /** How many distinct context conditions the rules have: the size of a decision's memo. */
    private final int conditions;

    CompiledPolicy(String name, String version, String tone, Verdict failureVerdict, Verdict expiryVerdict,
                   boolean secondTierAlways, Thresholds defaults, Map<String, Thresholds> categories,
                   List<PolicyRule> rules, int conditions) {
        this.expiryVerdict = expiryVerdict;
        this.secondTierAlways = secondTierAlways;
        this.conditions = conditions;
        this.name = name;
        this.version = version;
        this.tone = tone;
        this.failureVerdict = failureVerdict;
        this.defaults = defaults;
        this.categories = new java.util.HashMap<>(categories);
        this.signalRules = rules.stream().filter(PolicyRule::signalRule).toList();
        this.requestRules = rules.stream().filter(r -> !r.signalRule()).toList();
        Map<String, List<Integer>> byCategory = new java.util.HashMap<>();
        List<Integer> any = new ArrayList<>();
        for (int i = 0; i < signalRules.size(); i++) {
            List<String> named = signalRules.get(i).conditions().get("category");
            if (named == null || named.stream().anyMatch(c -> c.indexOf('*') >= 0 || c.indexOf('?') >= 0)) {
                any.add(i);
            } else {
                for (String category : named) {
                    byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(i);
                }
            }
        }
        Map<String, int[]> indexed = new java.util.HashMap<>();
        byCategory.forEach((category, indexes) -> indexed.put(category, indexes.stream().mapToInt(Integer::intValue).toArray()));
        this.rulesByCategory = indexed;
        this.rulesForAnyCategory = any.stream().mapToInt(Integer::intValue).toArray();
    }

    private static final int[] NONE = new int[0];

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

    /** The verdict of an escalated case nobody decided in time ({@code on-escalation-expiry}). */
    Verdict expiryVerdict() {
        return expiryVerdict;
    }

    /** Whether this policy asks for the input cascade's second tier on every request ({@code second-tier = always}). */
    boolean secondTierAlways() {
        return secondTierAlways;
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
            if (rule != null && rule.priority() != other.rule.priority()) {
                return rule.priority() > other.rule.priority();
            }
            return signal != null && other.signal != null && signal.score() > other.signal.score();
        }
    }

    PolicyOutcome decide(Stage stage, Request request, List<Signal> signals, List<ComponentCall> calls) {
        String prefix = stage == Stage.OUTPUT ? "output/" : "";
        PolicyRule.Facts facts = PolicyRule.Facts.of(request);
        // 0: not evaluated yet, 1: the rule's context matches, 2: it does not — worked out at most once per rule
        byte[] contextMatches = new byte[signals.isEmpty() ? 0 : signalRules.size()];
        byte[] memo = new byte[conditions];

        List<Judged> judged = new ArrayList<>(signals.size() + 2);
        Judged winner = null;
        for (Signal signal : signals) {
            Thresholds thresholds = thresholdsOf(signal.category());
            double floor = thresholds.lowest();
            PolicyRule best = best(rulesByCategory.getOrDefault(signal.category(), NONE), null, signal, signals, floor,
                    facts, contextMatches, memo);
            best = best(rulesForAnyCategory, best, signal, signals, floor, facts, contextMatches, memo);
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
            if (rule.matchesContext(facts, memo)) {
                Judged j = new Judged(null, rule.verdict(), rule);
                judged.add(j);
                if (winner == null || j.beats(winner)) {
                    winner = j;
                }
            }
        }

        List<ComponentCall> failedClosed = new ArrayList<>(0);
        List<ComponentCall> failedOpen = new ArrayList<>(0);
        for (ComponentCall call : calls) {
            if (call.failedClosed()) {
                failedClosed.add(call);
            } else if (!call.outcome().succeeded()) {
                failedOpen.add(call);
            }
        }
        List<Signal> evidence = new ArrayList<>(judged.size());
        List<Judged> severe = new ArrayList<>(judged.size());
        for (Judged j : judged) {
            if (j.signal != null) {
                evidence.add(j.signal);
                if (j.verdict != Verdict.ALLOW) {
                    severe.add(j);
                }
            }
        }
        severe.sort(MOST_SEVERE_FIRST);
        List<String> categoryIds = new ArrayList<>(severe.size());
        for (Judged j : severe) {
            if (!categoryIds.contains(j.signal.category())) {
                categoryIds.add(j.signal.category());
            }
        }

        StringBuilder rationale = new StringBuilder(160);
        if (!failedClosed.isEmpty() && (winner == null || failureVerdict.ordinal() >= winner.verdict.ordinal())) {
            describeFailures(rationale, failedClosed);
            rationale.append(": fail-closed, so the policy's failure verdict ").append(failureVerdict).append(" applies");
            appendOthers(rationale, judged, null);
            appendFailOpen(rationale, failedOpen);
            return new PolicyOutcome(new Ruling(failureVerdict, Set.of(), prefix + "failure/" + failedClosed.get(0).component(),
                    categoryIds, rationale.toString(), version, evidence), "", tone, messages, true);
        }
        if (winner == null) {
            rationale.append("no signal reached a threshold");
            Signal highest = null;
            for (Signal s : signals) {
                if (highest == null || s.score() > highest.score()) {
                    highest = s;
                }
            }
            if (highest != null) {
                rationale.append(" (highest: ");
                describe(rationale, highest, true);
                rationale.append(')');
            }
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
                rationale.append(" for ");
                describe(rationale, winner.signal, true);
                Verdict byThreshold = thresholdsOf(winner.signal.category()).verdictFor(winner.signal.score());
                if (byThreshold != winner.verdict) {
                    rationale.append(" (thresholds alone: ").append(byThreshold).append(')');
                }
            } else {
                rationale.append(" for this context");
            }
        } else {
            String category = winner.signal.category();
            String verdict = winner.verdict.name().toLowerCase(Locale.ROOT);
            ruleId = prefix + "threshold/" + category + "/" + verdict;
            describe(rationale, winner.signal, true);
            rationale.append(" reached the ").append(verdict).append(" threshold ")
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

    /**
     * Whether an {@code unconfirmed-by} rule would apply to one of these signals if the classifier it names read
     * the text: the cascade then runs that classifier even where the first tier has decided.
     *
     * @param request the request, for its context
     * @param signals the first tier's signals
     * @return whether a rule awaits another classifier's reading
     */
    boolean awaitsConfirmation(Request request, List<Signal> signals) {
        PolicyRule.Facts facts = PolicyRule.Facts.of(request);
        byte[] memo = new byte[conditions];
        for (PolicyRule rule : signalRules) {
            if (rule.unconfirmedBy() == null || !rule.matchesContext(facts, memo)) {
                continue;
            }
            for (Signal signal : signals) {
                if (rule.matchesSignalAlone(signal, thresholdsOf(signal.category()).lowest())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Comparator<Judged> MOST_SEVERE_FIRST = (a, b) -> {
        int byVerdict = Integer.compare(b.verdict.ordinal(), a.verdict.ordinal());
        return byVerdict != 0 ? byVerdict : Double.compare(b.signal.score(), a.signal.score());
    };

    /** The best of {@code candidates} (and {@code best}) matching a signal; contexts evaluated once each. */
    private PolicyRule best(int[] candidates, PolicyRule best, Signal signal, List<Signal> signals, double floor,
                            PolicyRule.Facts facts, byte[] contextMatches, byte[] memo) {
        for (int i : candidates) {
            PolicyRule rule = signalRules.get(i);
            if (contextMatches[i] == 0) {
                contextMatches[i] = rule.matchesContext(facts, memo) ? (byte) 1 : (byte) 2;
            }
            if (contextMatches[i] == 1 && rule.matchesSignal(signal, floor, signals) && (best == null || rule.outranks(best))) {
                best = rule;
            }
        }
        return best;
    }

    private PolicyOutcome outcome(Ruling ruling, String template) {
        return new PolicyOutcome(ruling, template, tone, messages, false);
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

    /** How many other findings the rationale lists by name; the rest are counted (all are in the evidence). */
    private static final int OTHERS_LISTED = 4;

    private static void appendOthers(StringBuilder rationale, List<Judged> judged, Judged winner) {
        int listed = 0;
        int others = judged.size() - (winner == null ? 0 : 1);
        for (Judged j : judged) {
            if (j == winner) {
                continue;
            }
            if (listed == OTHERS_LISTED) {
                rationale.append(" and ").append(others - listed).append(" more");
                return;
            }
            rationale.append(listed == 0 ? "; also " : ", ");
            listed++;
            if (j.signal == null) {
                rationale.append("rule ").append(j.rule.id()).append(' ').append(j.verdict);
            } else {
                describe(rationale, j.signal, false);
                rationale.append(' ').append(j.verdict);
                if (j.rule != null) {
                    rationale.append(" by rule ").append(j.rule.id());
                }
            }
        }
    }

    private static void appendFailOpen(StringBuilder rationale, List<ComponentCall> failedOpen) {
        if (!failedOpen.isEmpty()) {
            rationale.append("; ");
            describeFailures(rationale, failedOpen);
            rationale.append(" (fail-open, ignored)");
        }
    }

    private static void describeFailures(StringBuilder rationale, List<ComponentCall> failures) {
        for (int i = 0; i < failures.size(); i++) {
            ComponentCall c = failures.get(i);
            if (i > 0) {
                rationale.append(", ");
            }
            rationale.append(c.component()).append(' ').append(c.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            if (!c.error().isEmpty()) {
                rationale.append(" (").append(c.error()).append(')');
            }
        }
    }

    /** {@code category 0.87 from classifier [evidence]}; the evidence only for the signal that decided. */
    private static void describe(StringBuilder text, Signal signal, boolean withEvidence) {
        text.append(signal.category()).append(' ');
        appendScore(text, signal.score());
        if (!signal.classifier().isEmpty()) {
            text.append(" from ").append(signal.classifier());
        }
        if (withEvidence && !signal.evidence().isEmpty()) {
            text.append(" [").append(String.join("; ", signal.evidence())).append(']');
        }
    }

    /** Two decimals, as {@code String.format("%.2f")} would write them, at a fraction of its cost. */
    static String format(double value) {
        StringBuilder text = new StringBuilder(6);
        appendScore(text, value);
        return text.toString();
    }

    private static void appendScore(StringBuilder text, double value) {
        long hundredths = Math.round(value * 100);
        if (hundredths < 0) {
            text.append('-');
            hundredths = -hundredths;
        }
        long fraction = hundredths % 100;
        text.append(hundredths / 100).append(fraction < 10 ? ".0" : ".").append(fraction);
    }
}
