package dev.veto.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a chat completion request that go to the generator: the Chat Completions parameters and
 * the extras an installation lists ({@code veto.server.chat.extra-parameters}). Any other field is refused,
 * because a field the model reads but Veto does not judge — {@code instructions}, {@code input}, a model
 * server's template arguments — would carry text past the input check. What Veto cannot moderate is refused
 * too: spoken output ({@code audio}) and more than one answer ({@code n}).
 */
final class ChatParameters {

    /** Read by the endpoint itself, not passed on. */
    private static final Set<String> ENDPOINT_FIELDS = Set.of("messages", "stream", "stream_options", "veto");

    /**
     * OpenAI's Chat Completions request fields. Most carry no text; those that do — the descriptions in
     * {@code tools}, {@code functions} and a {@code response_format} schema, the {@code prediction} — are the
     * integrator's and not judged (docs/http-api.md says so); the answer they shape is judged on output.
     */
    private static final Set<String> CHAT_COMPLETIONS = Set.of("model", "frequency_penalty", "presence_penalty",
            "logit_bias", "logprobs", "top_logprobs", "max_tokens", "max_completion_tokens", "n", "response_format",
            "seed", "service_tier", "stop", "store", "metadata", "temperature", "top_p", "tools", "tool_choice",
            "parallel_tool_calls", "functions", "function_call", "user", "reasoning_effort", "verbosity", "prediction",
            "prompt_cache_key", "safety_identifier", "web_search_options", "modalities");

    private final Set<String> extras;
    private final ObjectMapper mapper;

    ChatParameters(Set<String> extras, ObjectMapper mapper) {
        this.extras = extras;
        this.mapper = mapper;
    }

    /**
     * The parameters of a request body.
     *
     * @throws ApiError 400 for a field that is not passed on, or a value Veto cannot honour
     */
    Map<String, Object> of(JsonNode body) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (ENDPOINT_FIELDS.contains(name)) {
                continue;
            }
            if (!CHAT_COMPLETIONS.contains(name) && !extras.contains(name)) {
                throw unsupported("'" + name + "' is not a Chat Completions parameter; a model server's own fields "
                        + "are passed when listed in veto.server.chat.extra-parameters");
            }
            parameters.put(name, mapper.convertValue(field.getValue(), Object.class));
        }
        if (body.has("model") && !body.get("model").isTextual()) {
            throw ApiError.badRequest("wrong_type", "'model' must be a string");
        }
        JsonNode choices = body.get("n");
        if (choices != null && !choices.isNull() && !(choices.isNumber() && choices.asDouble() == 1)) {
            // the model would be paid for n answers of which the client gets one: say so instead
            throw unsupported("'n' must be 1: each answer is moderated, one per request");
        }
        for (String limit : new String[] {"max_tokens", "max_completion_tokens"}) {
            JsonNode value = body.get(limit);
            if (value != null && !value.isNull() && !(value.canConvertToInt() && value.isIntegralNumber() && value.asInt() >= 1)) {
                throw ApiError.badRequest("wrong_type", "'" + limit + "' must be a whole number of at least 1");
            }
        }
        JsonNode modalities = body.get("modalities");
        if (modalities != null && !modalities.isNull()) {
            for (JsonNode modality : modalities) {
                if (!modality.asText().equals("text")) {
                    throw unsupported("'modalities' may only ask for text: spoken output cannot be moderated");
                }
            }
        }
        return parameters;
    }

    private static ApiError unsupported(String message) {
        return ApiError.badRequest("unsupported_parameter", message);
    }
}
