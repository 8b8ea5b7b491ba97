package dev.veto.spi.generator;

import dev.veto.spi.policy.Constraint;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Request;
import dev.veto.spi.retriever.Passage;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to generate, and under which constraints.
 *
 * @param request     the checked request (conversation, locale, context)
 * @param messages    the messages to send to the model: the conversation, preceded by the host's steering
 *                    instructions when constraints apply
 * @param constraints the constraints the answer must respect; empty for an unconstrained answer
 * @param grounding   trusted passages the answer should rest on; may be empty
 * @param maxTokens   the most tokens to generate, at least 1
 */
public record GenerationRequest(Request request, List<Message> messages, Set<Constraint> constraints,
                                List<Passage> grounding, int maxTokens) {

    /**
     * Validates and copies the components.
     *
     * @param request     the checked request (conversation, locale, context)
     * @param messages    the messages to send to the model: the conversation, preceded by the host's steering
     *              instructions when constraints apply
     * @param constraints the constraints the answer must respect; empty for an unconstrained answer
     * @param grounding   trusted passages the answer should rest on; may be empty
     * @param maxTokens   the most tokens to generate, at least 1
     */
    public GenerationRequest {
        Objects.requireNonNull(request, "request");
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        constraints = constraints == null ? Set.of() : Set.copyOf(constraints);
        grounding = grounding == null ? List.of() : List.copyOf(grounding);
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, was " + maxTokens);
        }
    }
}
