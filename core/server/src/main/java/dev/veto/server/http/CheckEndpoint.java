package dev.veto.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veto.core.Decision;
import dev.veto.core.RequestBuilder;
import dev.veto.core.Veto;
import dev.veto.server.json.DecisionJson;
import dev.veto.spi.request.Request;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * {@code POST /v1/check}: decide on a text or a conversation in a context, without generating anything.
 *
 * <pre>
 * {"text": "…"}  or  {"messages": [{"role": "user", "content": "…"}]}
 * optional: "context": {"tenant", "user", "role", "jurisdiction", "channel", "purpose", "locale", "modality",
 *           "attributes": {…}}, "id": "request id", "trace": true
 * </pre>
 * The answer is the decision as {@code veto check --json} prints it (without the trace unless asked).
 */
final class CheckEndpoint {

    private final Veto veto;
    private final ObjectMapper mapper;
    private final JsonBodies bodies;
    private final ApiKeys keys;
    private final DecisionJson json;
    private final CallbackCheck callbacks;

    CheckEndpoint(Veto veto, ObjectMapper mapper, ApiKeys keys, CallbackCheck callbacks) {
        this.callbacks = callbacks;
        this.veto = veto;
        this.mapper = mapper;
        this.bodies = new JsonBodies(mapper);
        this.keys = keys;
        this.json = new DecisionJson(mapper);
    }

    void handle(Context ctx) throws Exception {
        ApiKeys.Caller caller = keys.caller(ctx);
        JsonNode body = bodies.object(ctx);
        String text = JsonBodies.text(body, "text");
        RequestBuilder request;
        if (text != null && body.has("messages")) {
            throw ApiError.badRequest("invalid_request", "send 'text' or 'messages', not both: only one would be checked");
        }
        if (text != null) {
            request = veto.request(text);
        } else if (body.has("messages")) {
            request = RequestBuilder.conversation(RequestParser.messages(body.get("messages")));
        } else {
            throw ApiError.badRequest("missing_text", "send 'text' (a string) or 'messages' (OpenAI-style)");
        }
        String id = JsonBodies.text(body, "id");
        if (id != null) {
            request.id(id);
        }
        RequestParser.withContext(request, body.get("context"), ctx, caller);
        Request built = request.build();
        callbacks.check(built);
        Decision decision = veto.check(built);
        ObjectNode answer = json.decision(decision, JsonBodies.bool(body, "trace"));
        ctx.status(200).contentType("application/json").result(mapper.writeValueAsBytes(answer));
    }
}
