package dev.veto.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veto.core.Decision;
import dev.veto.core.DecisionNotRecordedException;
import dev.veto.core.InvalidRequestException;
import dev.veto.core.Reply;
import dev.veto.core.RequestBuilder;
import dev.veto.core.Veto;
import dev.veto.core.trace.CallOutcome;
import dev.veto.core.trace.ComponentCall;
import dev.veto.spi.generator.FinishReason;
import dev.veto.spi.generator.Generation;
import dev.veto.spi.generator.ToolCall;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Request;
import dev.veto.spi.request.Role;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/chat/completions}: the OpenAI Chat Completions API in front of the configured generator.
 *
 * <p>The input is checked before the generator is called. Without {@code stream}, the answer is moderated
 * whole (tool calls included); with {@code stream: true}, it is sent as server-sent events, each piece only
 * after output moderation has seen it. A refusal — of the input, or of the output part-way — is a normal
 * assistant message with {@code finish_reason: content_filter}, so unmodified OpenAI clients show it; the
 * decision is in the extension field {@code veto}. The Chat Completions parameters ({@code model},
 * {@code temperature}, {@code tools}, …) go to the generator ({@link ChatParameters}); the context can
 * be given as {@code veto.context} or {@code X-Veto-*} headers.
 */
final class ChatCompletionsEndpoint {

    private static final Logger log = LoggerFactory.getLogger(ChatCompletionsEndpoint.class);

    /** What a model name or tool-call id looks like; anything else from the upstream is not passed on. */
    private static final Pattern IDENTIFIER = RequestParser.IDENTIFIER;

    private final Veto veto;
    private final ObjectMapper mapper;
    private final JsonBodies bodies;
    private final ApiKeys keys;
    private final ChatParameters chatParameters;
    private final CallbackCheck callbacks;

    ChatCompletionsEndpoint(Veto veto, ObjectMapper mapper, ApiKeys keys, CallbackCheck callbacks, Set<String> extraParameters) {
        this.chatParameters = new ChatParameters(extraParameters, mapper);
        this.callbacks = callbacks;
        this.veto = veto;
        this.mapper = mapper;
        this.bodies = new JsonBodies(mapper);
        this.keys = keys;
    }

    void handle(Context ctx) throws Exception {
        ApiKeys.Caller caller = keys.caller(ctx);
        JsonNode body = bodies.object(ctx);
        List<Message> conversation = RequestParser.messages(body.get("messages"));
        textOnly(body.get("messages"));
        if (conversation.get(conversation.size() - 1).role() == Role.ASSISTANT) {
            // a prefill: the model would continue text nobody judged
            throw ApiError.badRequest("invalid_request", "the conversation ends with an assistant message; end it "
                    + "with the user's (or a tool's) message: a prefilled answer is not continued through Veto");
        }
        ToolRoundTrips.check(conversation);
        RequestBuilder builder = RequestBuilder.conversation(conversation);
        JsonNode extension = body.get("veto");
        RequestParser.withContext(builder, extension == null ? null : extension.get("context"), ctx, caller);
        String user = JsonBodies.text(body, "user");
        if (user != null && ctx.header("X-Veto-User") == null) {
            builder.userId(user);
        }
        Request request = builder.build();
        callbacks.check(request);
        Map<String, Object> parameters = chatParameters.of(body);
        String model = parameters.getOrDefault("model", "veto").toString();
        if (JsonBodies.bool(body, "stream")) {
            veto.validate(request); // a 400 is only possible before the stream's status line is sent
            stream(ctx, request, parameters, model);
        } else {
            Decision decision = veto.complete(request, parameters);
            Optional<ComponentCall> failure = generatorFailure(decision);
            if (failure.isPresent()) {
                throw upstreamError(failure.get(), decision);
            }
            ctx.status(200).contentType("application/json").result(mapper.writeValueAsBytes(completion(decision, model)));
        }
    }

    private ObjectNode completion(Decision decision, String requestedModel) {
        ObjectNode root = envelope(decision, "chat.completion", modelOf(decision, requestedModel));
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        Optional<Generation> generation = decision.generation();
        if (decision.verdict().blocks() || generation.isEmpty()) {
            message.put("content", userText(decision.reply()));
            choice.put("finish_reason", decision.verdict().blocks() ? "content_filter" : "stop");
        } else {
            Generation answer = generation.get();
            message.put("content", answer.text());
            if (!answer.toolCalls().isEmpty()) {
                toolCalls(message.putArray("tool_calls"), answer, false, decision.requestId());
            }
            choice.put("finish_reason", finishReason(answer.finishReason()));
        }
        root.set("veto", summary(decision));
        return root;
    }

    private void stream(Context ctx, Request request, Map<String, Object> parameters, String model) throws Exception {
        ctx.status(200).contentType("text/event-stream");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Accel-Buffering", "no");
        // the servlet's own stream: Javalin's ctx.outputStream() holds output back to decide on compression,
        // which would turn a stream into one late burst
        SseWriter events = new SseWriter(ctx.res().getOutputStream());
        String id = "chatcmpl-" + request.id();
        long created = Instant.now().getEpochSecond();
        try {
            events.data(mapper.writeValueAsString(chunk(id, created, model, delta -> delta.put("role", "assistant"), null, null)));
            streamDecision(events, request, parameters, model, id, created);
        } catch (RuntimeException e) {
            if (events.clientGone()) {
                log.debug("The client of request {} closed its stream: {}", request.id(), e.getMessage());
                return; // its own doing: nothing to tell anyone
            }
            // the status line is long gone: whatever went wrong is told in the stream, which still ends properly
            ApiError error = e instanceof InvalidRequestException invalid
                    ? ApiError.badRequest("invalid_request", invalid.getMessage())
                    : e instanceof DecisionNotRecordedException ? ApiError.auditUnavailable()
                    : unexpected(request, e);
            events.data(mapper.writeValueAsString(errorEvent(error, null)));
            events.done();
        }
    }

    private static ApiError unexpected(Request request, RuntimeException e) {
        log.error("Unexpected failure streaming request {}", request.id(), e);
        return ApiError.internal();
    }

    private ObjectNode errorEvent(ApiError error, ObjectNode summary) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode body = root.putObject("error");
        body.put("message", error.getMessage());
        body.put("type", error.type());
        body.put("code", error.code());
        if (summary != null) {
            root.set("veto", summary);
        }
        return root;
    }

    private void streamDecision(SseWriter events, Request request, Map<String, Object> parameters, String model,
                                String id, long created) throws com.fasterxml.jackson.core.JsonProcessingException {
        Decision decision = veto.stream(request, parameters, text -> {
            try {
                events.data(mapper.writeValueAsString(chunk(id, created, model, delta -> delta.put("content", text), null, null)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        Optional<ComponentCall> failure = generatorFailure(decision);
        if (failure.isPresent()) {
            // the way OpenAI reports mid-stream errors
            events.data(mapper.writeValueAsString(errorEvent(upstreamError(failure.get(), decision), summary(decision))));
            events.done();
            return;
        }
        String finish;
        if (decision.verdict().blocks() || decision.generation().isEmpty()) {
            String text = userText(decision.reply());
            boolean cut = decision.generation().map(g -> !g.text().isEmpty()).orElse(false);
            events.data(mapper.writeValueAsString(chunk(id, created, model,
                    delta -> delta.put("content", (cut ? "\n\n" : "") + text), null, null)));
            finish = decision.verdict().blocks() ? "content_filter" : "stop";
        } else {
            Generation answer = decision.generation().get();
            if (!answer.toolCalls().isEmpty()) {
                events.data(mapper.writeValueAsString(chunk(id, created, model,
                        delta -> toolCalls(delta.putArray("tool_calls"), answer, true, decision.requestId()), null, null)));
            }
            finish = finishReason(answer.finishReason());
        }
        events.data(mapper.writeValueAsString(chunk(id, created, modelOf(decision, model), delta -> { }, finish, summary(decision))));
        events.done();
    }

    /**
     * Refuses image, audio and file parts: Veto judges text, and a part dropped on the way would leave the
     * client an answer to a question it did not ask.
     */
    private static void textOnly(JsonNode messages) {
        for (JsonNode message : messages) {
            for (JsonNode part : message.path("content")) {
                String type = part.path("type").asText("");
                if (!part.isObject() || type.equals("text") && !part.path("text").isTextual()) {
                    throw ApiError.badRequest("wrong_type", "a content part must be an object with its type, and a "
                            + "text part's 'text' a string");
                }
                // a refusal part is what an SDK sends back of an answer the model declined: text, not forwarded
                if (!type.equals("text") && !type.equals("refusal")) {
                    throw ApiError.badRequest("unsupported_content", "this proxy forwards text only: a message's '"
                            + (IDENTIFIER.matcher(type).matches() ? type : "?") + "' part is neither judged nor forwarded");
                }
            }
        }
    }

    /** The generator's call, when the request was allowed but the generator failed or timed out. */
    private static Optional<ComponentCall> generatorFailure(Decision decision) {
        if (decision.verdict().blocks()) {
            return Optional.empty();
        }
        return decision.trace().stage("generate").stream()
                .flatMap(stage -> stage.calls().stream())
                .filter(call -> !call.outcome().succeeded())
                .findFirst();
    }

    /**
     * 504 when the generator ran out of time, 502 when it failed: the proxy's upstream is what broke; 400 when
     * the model refused the request itself as invalid (the caller's parameters or conversation).
     */
    private static ApiError upstreamError(ComponentCall call, Decision decision) {
        if (call.outcome() == CallOutcome.INVALID_REQUEST) {
            return ApiError.badRequest("rejected_by_model", "the model refused the request: " + call.error()
                    + " (request " + decision.requestId() + ")");
        }
        boolean timedOut = call.outcome() == CallOutcome.TIMED_OUT;
        String message = "the generator '" + call.component() + "' "
                + switch (call.outcome()) {
                    case TIMED_OUT -> "did not answer in time";
                    case TRIPPED -> "is failing and temporarily not called";
                    case REJECTED -> "could not be called: the server is at capacity";
                    case UNAVAILABLE -> "could not be started";
                    default -> "failed";
                }
                + " (request " + decision.requestId() + "; details in the server log and audit trail)";
        if (timedOut) {
            return new ApiError(504, "server_error", "generator_timeout", message);
        }
        boolean unavailable = call.outcome() == CallOutcome.REJECTED || call.outcome() == CallOutcome.TRIPPED;
        return unavailable ? new ApiError(503, "server_error", "generator_unavailable", message) // worth a retry later
                : new ApiError(502, "server_error", "generator_failed", message);
    }

    private ObjectNode chunk(String id, long created, String model, java.util.function.Consumer<ObjectNode> delta,
                             String finishReason, ObjectNode veto) {
        ObjectNode root = mapper.createObjectNode();
        root.put("id", id);
        root.put("object", "chat.completion.chunk");
        root.put("created", created);
        root.put("model", model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        delta.accept(choice.putObject("delta"));
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        if (veto != null) {
            root.set("veto", veto);
        }
        return root;
    }

    private ObjectNode envelope(Decision decision, String object, String model) {
        ObjectNode root = mapper.createObjectNode();
        root.put("id", "chatcmpl-" + decision.requestId());
        root.put("object", object);
        root.put("created", decision.trace().startedAt().getEpochSecond());
        root.put("model", model);
        return root;
    }

    private static void toolCalls(ArrayNode array, Generation answer, boolean streamed, String requestId) {
        int index = 0;
        for (ToolCall call : answer.toolCalls()) {
            ObjectNode node = array.addObject();
            if (streamed) {
                node.put("index", index);
            }
            // an id that is not an identifier is unjudged text: replaced by one unique across the conversation,
            // which the client sends back with the tool's result
            node.put("id", IDENTIFIER.matcher(call.id()).matches() ? call.id() : "call_" + requestId + "_" + index);
            index++;
            node.put("type", "function");
            ObjectNode function = node.putObject("function");
            function.put("name", call.name());
            function.put("arguments", call.arguments());
        }
    }

    /** The decision as the client may see it: verdict and rule, never the operator rationale or evidence. */
    private ObjectNode summary(Decision decision) {
        ObjectNode veto = mapper.createObjectNode();
        veto.put("request_id", decision.requestId());
        veto.put("verdict", decision.verdict().name());
        ArrayNode categories = veto.putArray("categories");
        decision.categories().forEach(categories::add);
        veto.put("rule", decision.rule());
        veto.put("policy_version", decision.policyVersion());
        // the reply's parts, so a client can render a refusal its own way (a card with links) instead of the text
        veto.put("message", decision.reply().message());
        ArrayNode alternatives = veto.putArray("alternatives");
        decision.reply().alternatives().forEach(alternatives::add);
        decision.escalation().ifPresent(ticket -> {
            ObjectNode escalation = veto.putObject("escalation");
            escalation.put("case_id", ticket.caseId());
            escalation.put("status", ticket.status().name());
        });
        return veto;
    }

    /** A reply as one message: the explanation, then the ways forward as a list. */
    private static String userText(Reply reply) {
        StringBuilder text = new StringBuilder(reply.message());
        for (String alternative : reply.alternatives()) {
            text.append("\n- ").append(alternative);
        }
        return text.toString();
    }

    /** The model's name as the upstream gave it, if it looks like one: it is text no classifier judged. */
    private static String modelOf(Decision decision, String requested) {
        return decision.generation().map(Generation::model).filter(m -> IDENTIFIER.matcher(m).matches()).orElse(requested);
    }

    private static String finishReason(FinishReason reason) {
        return switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case TOOL_CALLS -> "tool_calls";
            case CANCELLED -> "content_filter";
        };
    }
}
