package dev.veto.core.policy;

import dev.veto.spi.policy.Constraint;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.request.Request;
import dev.veto.spi.request.RequestContext;
import dev.veto.spi.signal.Signal;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A compiled rule: conditions on the request's context and, for a signal rule, on each signal; the verdict
 * it sets; where it was written.
 *
 * <p>A <em>signal rule</em> (one with a {@code category}, {@code classifier}, {@code min-score} or
 * {@code max-score} condition) decides the verdict of each matching signal instead of the category's
 * thresholds — it may relax as well as tighten. A <em>request rule</em> (context conditions only) adds its
 * verdict to the request's; the strictest verdict wins, so request rules only tighten.
 *
 * @param id          the rule's id as decisions name it, e.g. {@code code-assistant-malware} or
 *                    {@code tenant:acme/researchers}
 * @param origin      {@code file:line} of its definition
 * @param priority    higher wins among rules matching the same signal
 * @param specificity how many conditions it has; more wins at equal priority
 * @param order       its position in evaluation order (jurisdiction overlay, tenant overlay, base; file order)
 * @param tenant      condition on the tenant
 * @param role        condition on the user's role
 * @param jurisdiction condition on the jurisdiction
 * @param locale      condition on the locale (BCP 47 tag, case-insensitive)
 * @param channel     condition on the channel
 * @param modality    condition on the modality ({@code text}, {@code code}, {@code image-prompt},
 *                    {@code audio-transcript})
 * @param purpose     condition on the declared purpose
 * @param category    condition on a signal's category
 * @param classifier  condition on a signal's classifier instance
 * @param minScore    the lowest score the rule applies to; empty: the category's lowest threshold
 * @param maxScore    the highest score the rule applies to
 * @param unconfirmedBy a condition on the request's other signals: another classifier read the text and found
 *                    it safe; {@code null}: none
 * @param signalRule  whether it is a signal rule
 * @param verdict     the verdict it sets
 * @param constraints constraints of a constrained verdict
 * @param template    the message template the reply uses, or empty for the verdict's and category's own
 * @param conditions  the conditions as written (key to patterns), for the linter
 */
record PolicyRule(String id, String origin, int priority, int specificity, int order,
                  ValueMatcher tenant, ValueMatcher role, ValueMatcher jurisdiction, ValueMatcher locale,
                  ValueMatcher channel, ValueMatcher modality, ValueMatcher purpose,
                  ValueMatcher category, ValueMatcher classifier, OptionalDouble minScore, OptionalDouble maxScore,
                  Unconfirmed unconfirmedBy, boolean signalRule, Verdict verdict, Set<Constraint> constraints, String template,
                  java.util.Map<String, java.util.List<String>> conditions) {

    boolean matchesContext(Facts facts, byte[] memo) {
        return tenant.matches(facts.tenant(), memo) && role.matches(facts.role(), memo)
                && jurisdiction.matches(facts.jurisdiction(), memo) && channel.matches(facts.channel(), memo)
                && purpose.matches(facts.purpose(), memo) && modality.matches(facts.modality(), memo)
                && locale.matches(facts.locale(), memo);
    }

    /** The facts of a request rules look at, worked out once per decision. */
    record Facts(String tenant, String role, String jurisdiction, String channel, String purpose, String modality,
                 String locale) {

        static Facts of(Request request) {
            RequestContext context = request.context();
            return new Facts(context.tenant(), context.userRole(), context.jurisdiction(), context.channel(),
                    context.purpose(), modalityName(request), request.locale().toLanguageTag().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Whether the rule's signal conditions hold for one signal of a request.
     *
     * @param signal          the signal
     * @param defaultMinScore the category's lowest threshold, where the rule sets no min-score
     * @param signals         all the request's signals ({@code unconfirmed-by} looks at the others)
     * @return whether it matches
     */
    boolean matchesSignal(Signal signal, double defaultMinScore, List<Signal> signals) {
        return matchesSignalAlone(signal, defaultMinScore) && (unconfirmedBy == null || unconfirmedBy.holds(signals));
    }

    /** The conditions on the signal itself, without {@code unconfirmed-by}. */
    boolean matchesSignalAlone(Signal signal, double defaultMinScore) {
        double score = signal.score();
        return category.matches(signal.category()) && classifier.matches(signal.classifier())
                && score >= minScore.orElse(defaultMinScore) && score <= maxScore.orElse(1.0);
    }

    /**
     * {@code unconfirmed-by}: a classifier (e.g. the neural model) read the text — it reported a signal, as the
     * semantic classifier does for every text it judges — and every score it gave is below {@code below}. A
     * classifier that did not read the text (not run, failed, or it leaves short texts alone) confirms nothing
     * and contradicts nothing: the condition does not hold.
     *
     * @param classifier which classifier instances
     * @param below      the score all of their signals stay under
     */
    record Unconfirmed(ValueMatcher classifier, double below) {

        boolean holds(List<Signal> signals) {
            boolean read = false;
            for (Signal other : signals) {
                if (classifier.matches(other.classifier())) {
                    if (other.score() >= below) {
                        return false;
                    }
                    read = true;
                }
            }
            return read;
        }
    }

    static String modalityName(Request request) {
        return request.modality().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether this rule beats {@code other} for the same signal. */
    boolean outranks(PolicyRule other) {
        if (priority != other.priority) {
            return priority > other.priority;
        }
        if (specificity != other.specificity) {
            return specificity > other.specificity;
        }
        return order < other.order;
    }
}
