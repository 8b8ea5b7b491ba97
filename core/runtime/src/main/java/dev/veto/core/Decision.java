package dev.veto.core;

import dev.veto.core.trace.Trace;
import dev.veto.spi.escalator.EscalationTicket;
import dev.veto.spi.generator.Generation;
import dev.veto.spi.policy.Constraint;
import dev.veto.spi.policy.Ruling;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.signal.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Veto's answer to a request: the ruling with its reasons (operator-facing), the reply (user-facing), the
 * escalation ticket or generated output where there is one, and the trace of how it was reached.
 *
 * @param requestId  the request's id
 * @param ruling     the verdict, rule, categories, rationale, policy version and evidence
 * @param reply      what the user is told; empty for a plain allow
 * @param escalation the escalation ticket, when the request was escalated and an escalator accepted it
 * @param generation the moderated generated answer (its visible text, tool calls, model, finish reason),
 *                   when the full chain ran and the answer was released; for a stream cut short by output
 *                   moderation, the part that was released before
 * @param language   the language the request was judged in (ISO 639-1, or {@code und})
 * @param signals    every signal of every classifier, input and output, with spans into the original text
 * @param trace      each stage and component call with outcome and time
 */
public record Decision(String requestId, Ruling ruling, Reply reply, Optional<EscalationTicket> escalation,
                       Optional<Generation> generation, String language, List<Signal> signals, Trace trace) {

    /** Validates and copies the components. */
    public Decision {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(ruling, "ruling");
        Objects.requireNonNull(reply, "reply");
        escalation = escalation == null ? Optional.empty() : escalation;
        generation = generation == null ? Optional.empty() : generation;
        Objects.requireNonNull(language, "language");
        signals = List.copyOf(signals);
        Objects.requireNonNull(trace, "trace");
    }

    /** @return the released answer's text, when the full chain ran and released one */
    public Optional<String> output() {
        return generation.map(Generation::text);
    }

    /** @return the verdict */
    public Verdict verdict() {
        return ruling.verdict();
    }

    /** @return the categories that drove the verdict, most severe first */
    public List<String> categories() {
        return ruling.categories();
    }

    /** @return the id of the rule that fired */
    public String rule() {
        return ruling.rule();
    }

    /** @return the constraints of a constrained answer */
    public Set<Constraint> constraints() {
        return ruling.constraints();
    }

    /** @return the operator-facing rationale; never show it to the end user */
    public String reason() {
        return ruling.rationale();
    }

    /** @return the policy's name and content hash */
    public String policyVersion() {
        return ruling.policyVersion();
    }

    /** @return the time from receiving the request to the decision */
    public Duration latency() {
        return trace.total();
    }
}
