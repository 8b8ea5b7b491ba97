package dev.veto.core.policy;

import dev.veto.core.trace.ComponentCall;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.request.Request;
import dev.veto.spi.signal.Signal;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Decides what happens to a request, given what the classifiers found and the request's context.
 *
 * <p>Implementations are thread-safe and never throw for a well-formed request: they are the last line
 * between a request and the model.
 */
public interface PolicyGate {

    /**
     * Decides on one stage's findings.
     *
     * @param stage   the stage whose signals these are ({@link Stage#OUTPUT} judges generated text)
     * @param request the request, for its context
     * @param signals the signals of every classifier that answered
     * @param calls   every component call of the stage; failed fail-closed calls must make the ruling at
     *                least as strict as the policy's failure verdict
     * @return the ruling with the rule that fired and the policy version, and what the reply needs
     */
    PolicyOutcome decide(Stage stage, Request request, List<Signal> signals, List<ComponentCall> calls);

    /**
     * Decides as {@link #decide} does, but as a look-ahead of the chain's own (whether the cascade's first
     * tier already decides), not a decision: nothing is counted or compared — a shadow policy in particular
     * is evaluated once per request, on the final signals.
     *
     * @param stage   the stage whose signals these are
     * @param request the request, for its context
     * @param signals the signals found so far
     * @param calls   the component calls so far
     * @return the ruling the policy would make on them
     */
    default PolicyOutcome preview(Stage stage, Request request, List<Signal> signals, List<ComponentCall> calls) {
        return decide(stage, request, signals, calls);
    }

    /**
     * The refusal messages of the active policy, in every language and tone: the chain recognises its own
     * refusals by them when a client sends a conversation back.
     *
     * @return the message texts
     */
    default Set<String> refusals() {
        return Set.of();
    }

    /**
     * Whether the policy that governs this request asks for the input cascade's second tier (the costly
     * classifiers) even where the first tier has already decided or found nothing.
     *
     * @param request the request
     * @return true to run the second tier regardless of the cascade's own setting
     */
    default boolean requiresSecondTier(Request request) {
        return false;
    }

    /**
     * Whether a rule would relax a verdict on these signals if another classifier read the text and found it
     * safe ({@code unconfirmed-by}): the cascade then runs its second tier although the first has decided.
     *
     * @param request the request
     * @param signals the first tier's signals
     * @return true to run the second tier
     */
    default boolean awaitsConfirmation(Request request, List<Signal> signals) {
        return false;
    }

    /**
     * The verdict that applies when nobody decides this request's escalated case in time.
     *
     * @param request the request
     * @return the policy's {@code on-escalation-expiry} for it: ALLOW, CONSTRAIN or REFUSE
     */
    default Verdict escalationExpiry(Request request) {
        return Verdict.REFUSE;
    }

    /**
     * The active policy's name and content hash.
     *
     * @return e.g. {@code veto-baseline@3f2a9c1d0b7e}
     */
    String version();

    /**
     * Registers a callback run whenever a new policy version becomes active (a hot reload), so that what
     * depends on the policy — cached decisions — can be dropped.
     *
     * @param listener receives the new version
     */
    default void onSwitch(Consumer<String> listener) {
    }
}
