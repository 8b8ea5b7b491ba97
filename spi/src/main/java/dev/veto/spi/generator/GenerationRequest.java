package dev.veto.spi.generator;

import dev.veto.spi.policy.Constraint;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Request;
import dev.veto.spi.retriever.Passage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param parameters  what the caller asked the model for beyond the messages, as OpenAI-style request fields
 *                    ({@code model}, {@code temperature}, {@code top_p}, {@code stop}, {@code tools}, …) with
 *                    JSON-like values (String, Number, Boolean, List, Map), deeply unmodifiable; a generator
 *                    uses those it understands and ignores the rest. Empty when not called as a proxy.
 */
public record GenerationRequest(Request request, List<Message> messages, Set<Constraint> constraints,
                                List<Passage> grounding, int maxTokens, Map<String, Object> parameters) {

    /**
     * Validates and copies the components.
     *
     * @param request     the checked request (conversation, locale, context)
     * @param messages    the messages to send to the model: the conversation, preceded by the host's steering
     *              instructions when constraints apply
     * @param constraints the constraints the answer must respect; empty for an unconstrained answer
     * @param grounding   trusted passages the answer should rest on; may be empty
     * @param maxTokens   the most tokens to generate, at least 1
     * @param parameters  OpenAI-style request fields with JSON-like values
     */
    public GenerationRequest {
        Objects.requireNonNull(request, "request");
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        constraints = constraints == null ? Set.of() : Set.copyOf(constraints);
        grounding = grounding == null ? List.of() : List.copyOf(grounding);
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, was " + maxTokens);
        }
        parameters = parameters == null ? Map.of() : unmodifiableMap(parameters);
    }

    /**
     * A request without caller parameters.
     *
     * @param request     the checked request
     * @param messages    the messages to send to the model
     * @param constraints the constraints the answer must respect
     * @param grounding   trusted passages
     * @param maxTokens   the most tokens to generate
     */
    public GenerationRequest(Request request, List<Message> messages, Set<Constraint> constraints,
                             List<Passage> grounding, int maxTokens) {
        this(request, messages, constraints, grounding, maxTokens, Map.of());
    }

    private static Map<String, Object> unmodifiableMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), unmodifiable(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object unmodifiable(Object value) {
        if (value instanceof Map<?, ?> map) {
            return unmodifiableMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(unmodifiable(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
