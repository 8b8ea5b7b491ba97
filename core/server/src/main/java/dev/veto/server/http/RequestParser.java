package dev.veto.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.veto.core.RequestBuilder;
import dev.veto.spi.generator.ToolCall;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Modality;
import dev.veto.spi.request.Role;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the JSON of a request into a {@link dev.veto.spi.request.Request}: OpenAI-style messages, and the
 * context — from the body's {@code context} object (check) or {@code veto.context} (proxy), else from
 * {@code X-Veto-*} headers. The tenant is the API key's; a body naming another tenant gets 403.
 */
final class RequestParser {

    private static final Map<String, String> HEADERS = Map.of(
            "tenant", "X-Veto-Tenant", "user", "X-Veto-User", "role", "X-Veto-Role",
            "jurisdiction", "X-Veto-Jurisdiction", "channel", "X-Veto-Channel", "purpose", "X-Veto-Purpose",
            "locale", "X-Veto-Locale", "modality", "X-Veto-Modality");

    /** Reads and writes tool-call arguments: numbers kept exactly, nothing after the JSON value. */
    private static final ObjectMapper ARGUMENTS = JsonMapper.builder().nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    /** What an id or model name the model reads must look like: it is forwarded, not judged. */
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._:/@+-]{1,128}");

    private RequestParser() {
    }

    /** The conversation of an OpenAI {@code messages} array. */
    static List<Message> messages(JsonNode messages) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw ApiError.badRequest("missing_messages", "'messages' must be a non-empty array of {role, content}");
        }
        List<Message> conversation = new ArrayList<>(messages.size());
        for (JsonNode message : messages) {
            if (!message.isObject()) {
                throw ApiError.badRequest("wrong_type", "each message must be an object with role and content");
            }
            Role role = role(JsonBodies.text(message, "role"));
            conversation.add(new Message(role, content(message.get("content")), toolCalls(message.get("tool_calls"), role),
                    toolCallId(message, role)));
        }
        return conversation;
    }

    /** The calls an assistant message asked for: they go back to the model with the results that answer them. */
    private static List<ToolCall> toolCalls(JsonNode calls, Role role) {
        if (calls == null || calls.isNull()) {
            return List.of();
        }
        if (role != Role.ASSISTANT) {
            throw ApiError.badRequest("wrong_type", "only assistant messages carry 'tool_calls'");
        }
        if (!calls.isArray()) {
            throw ApiError.badRequest("wrong_type", "'tool_calls' must be an array");
        }
        List<ToolCall> parsed = new ArrayList<>(calls.size());
        for (JsonNode call : calls) {
            if (!call.isObject()) {
                throw ApiError.badRequest("wrong_type", "each tool call must be an object with id, type and function");
            }
            String type = JsonBodies.text(call, "type");
            JsonNode function = call.get("function");
            if (type != null && !type.equals("function") || function == null || !function.isObject()) {
                throw ApiError.badRequest("unsupported_tool_call", "a tool call must be of type 'function', with a "
                        + "'function' object holding its name and arguments");
            }
            String name = Objects.requireNonNullElse(JsonBodies.text(function, "name"), ""); // "" is no identifier
            parsed.add(new ToolCall(identifier(JsonBodies.text(call, "id"), "a tool call's 'id' must be an identifier"),
                    identifier(name, "a tool call's function needs a 'name' that is an identifier"),
                    decoded(JsonBodies.text(function, "arguments"))));
        }
        return parsed;
    }

    /**
     * Tool-call arguments as the model reads them: a model server decodes the JSON's {@code \\u} escapes before the
     * model sees the text, so they are decoded here (the JSON written again) for the classifiers to read it and
     * for invisible characters among it to be removed; arguments that are not JSON stay as sent.
     */
    private static String decoded(String arguments) {
        if (arguments == null || !arguments.contains("\\u")) {
            return arguments;
        }
        try {
            return ARGUMENTS.writeValueAsString(ARGUMENTS.readTree(arguments));
        } catch (JsonProcessingException e) {
            return arguments;
        }
    }

    /** The call a tool message answers; the legacy {@code function} role names none. */
    private static String toolCallId(JsonNode message, Role role) {
        String id = JsonBodies.text(message, "tool_call_id");
        if (id != null && role != Role.TOOL) {
            throw ApiError.badRequest("wrong_type", "only tool messages carry 'tool_call_id'");
        }
        return id == null ? "" : identifier(id, "'tool_call_id' must be an identifier");
    }

    /** A value the model reads unjudged (a tool call's id or name): an identifier, or a 400 saying so. */
    private static String identifier(String value, String requirement) {
        if (value != null && !IDENTIFIER.matcher(value).matches()) {
            throw ApiError.badRequest("invalid_tool_call", requirement + " (letters, digits and ._:/@+-, at most 128): "
                    + "it reaches the model unjudged");
        }
        return value;
    }

    private static Role role(String role) {
        if (role == null) {
            throw ApiError.badRequest("missing_role", "each message needs a role (system, user, assistant or tool)");
        }
        return switch (role) {
            case "system", "developer" -> Role.SYSTEM;
            case "user" -> Role.USER;
            case "assistant" -> Role.ASSISTANT;
            case "tool", "function" -> Role.TOOL;
            default -> throw ApiError.badRequest("unknown_role", "unknown message role '" + role + "'");
        };
    }

    /** A message's text: a string, or the text parts of a content array (images and audio are not judged). */
    private static String content(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (part.isObject() && "text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
                    if (text.length() > 0) {
                        text.append('\n');
                    }
                    text.append(part.get("text").asText());
                }
            }
            return text.toString();
        }
        throw ApiError.badRequest("wrong_type", "a message's content must be a string or an array of parts");
    }

    /** Applies the context of the body (or the headers) to a request. */
    static RequestBuilder withContext(RequestBuilder request, JsonNode context, Context ctx, ApiKeys.Caller caller) {
        if (context != null && !context.isNull() && !context.isObject()) {
            throw ApiError.badRequest("wrong_type", "'context' must be an object");
        }
        Optional<String> keyTenant = caller.tenant();
        String tenant = fact(context, ctx, "tenant");
        String role = fact(context, ctx, "role");
        if (role != null && caller.roles().isPresent() && !caller.roles().get().contains(role)) {
            throw new ApiError(403, "permission_error", "role_not_allowed", "this API key may not claim the role '"
                    + role + "' (its roles in veto.server.api-keys: " + new java.util.TreeSet<>(caller.roles().get()) + ")");
        }
        if (keyTenant.isPresent()) {
            if (tenant != null && !tenant.equals(keyTenant.get())) {
                throw new ApiError(403, "permission_error", "tenant_mismatch",
                        "this API key belongs to tenant '" + keyTenant.get() + "', not '" + tenant + "'");
            }
            tenant = keyTenant.get();
        }
        request.tenant(tenant).userId(fact(context, ctx, "user")).userRole(role)
                .jurisdiction(fact(context, ctx, "jurisdiction")).channel(fact(context, ctx, "channel"))
                .purpose(fact(context, ctx, "purpose")).locale(fact(context, ctx, "locale"));
        String modality = fact(context, ctx, "modality");
        if (modality != null) {
            try {
                request.modality(Modality.valueOf(modality.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("unknown_modality", "unknown modality '" + modality
                        + "' (text, code, image-prompt, audio-transcript)");
            }
        }
        if (context != null && context.has("attributes")) {
            JsonNode attributes = context.get("attributes");
            if (!attributes.isObject()) {
                throw ApiError.badRequest("wrong_type", "'context.attributes' must be an object of strings");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                request.attribute(entry.getKey(), entry.getValue().asText());
            }
        }
        return request;
    }

    private static String fact(JsonNode context, Context ctx, String name) {
        if (context != null && context.isObject() && context.has(name)) {
            return JsonBodies.text(context, name);
        }
        return ctx.header(HEADERS.get(name));
    }
}
