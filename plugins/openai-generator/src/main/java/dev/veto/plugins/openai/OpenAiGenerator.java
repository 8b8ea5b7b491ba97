package dev.veto.plugins.openai;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veto.plugins.http.InterruptibleBody;
import dev.veto.spi.generator.FinishReason;
import dev.veto.spi.generator.Generation;
import dev.veto.spi.generator.GenerationRequest;
import dev.veto.spi.generator.Generator;
import dev.veto.spi.generator.RequestRejectedException;
import dev.veto.spi.generator.TextSink;
import dev.veto.spi.generator.ToolCall;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@code POST <base-url>/chat/completions}, blocking or streamed (server-sent events). The caller's
 * parameters ({@code model}, {@code temperature}, {@code tools}, …) are passed on; a call that fails before
 * producing text (connection refused, 429, 5xx) is retried with exponential backoff and jitter. Thread-safe.
 */
final class OpenAiGenerator implements Generator {

    private static final Logger log = LoggerFactory.getLogger(OpenAiGenerator.class);
    /** What an OpenAI-compatible server answers to a request it will not take: the caller's to fix. */
    private static final java.util.Set<Integer> REQUEST_ERRORS = java.util.Set.of(400, 404, 413, 422);

    private final OpenAiSettings settings;
    private final HttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();
    /** Reads and writes tool-call arguments: numbers kept exactly, nothing after the JSON value (as the host's). */
    private final ObjectMapper exact = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    OpenAiGenerator(OpenAiSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    }

    @Override
    public Generation generate(GenerationRequest request) throws Exception {
        HttpResponse<InputStream> response = withRetries(() -> send(body(request, false)));
        String answer;
        try (InputStream in = new LimitedInputStream(response.body(), settings.maxResponseBytes())) {
            answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode root = parse(answer);
        JsonNode choice = root.path("choices").path(0);
        if (choice.isMissingNode()) {
            throw new IOException("the upstream answered without choices");
        }
        JsonNode message = choice.path("message");
        List<ToolCall> toolCalls = new ArrayList<>();
        for (JsonNode call : message.path("tool_calls")) {
            JsonNode function = call.path("function");
            toolCalls.add(new ToolCall(call.path("id").asText(""), function.path("name").asText(""),
                    written(function.path("arguments").asText(""))));
        }
        return new Generation(message.path("content").asText(""), finishReason(choice.path("finish_reason").asText("stop")),
                root.path("model").asText(""), toolCalls);
    }

    @Override
    public Generation stream(GenerationRequest request, TextSink sink) throws Exception {
        HttpResponse<InputStream> response = withRetries(() -> send(body(request, true)));
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
            response.body().close();
            throw new IOException("the upstream answered a streamed request with " + (type.isEmpty() ? "no content type"
                    : type) + ", not an event stream");
        }
        StringBuilder text = new StringBuilder();
        Map<Integer, String[]> toolCalls = new TreeMap<>(); // index -> id, name, arguments
        String model = "";
        FinishReason finish = FinishReason.STOP;
        boolean finished = false;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new LimitedInputStream(response.body(), settings.maxResponseBytes()), StandardCharsets.UTF_8))) {
            SseEvents events = new SseEvents(lines);
            for (String data = events.next(); data != null; data = events.next()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("the stream was abandoned");
                }
                if (data.strip().equals("[DONE]")) {
                    finished = true;
                    break;
                }
                JsonNode chunk = parse(data);
                if (chunk.has("error")) {
                    throw new IOException("the upstream reported an error mid-stream: " + chunk.path("error").path("message").asText());
                }
                model = chunk.path("model").asText(model);
                JsonNode choice = chunk.path("choices").path(0);
                JsonNode delta = choice.path("delta");
                for (JsonNode call : delta.path("tool_calls")) {
                    String[] accumulated = toolCalls.computeIfAbsent(call.path("index").asInt(0), i -> new String[] {"", "", ""});
                    accumulated[0] = call.path("id").asText(accumulated[0]);
                    accumulated[1] += call.path("function").path("name").asText("");
                    accumulated[2] += call.path("function").path("arguments").asText("");
                }
                String content = delta.path("content").isTextual() ? delta.path("content").asText() : "";
                if (!content.isEmpty()) {
                    text.append(content);
                    if (!sink.accept(content)) {
                        return new Generation(text.toString(), FinishReason.CANCELLED, model); // closing the stream stops it
                    }
                }
                if (choice.path("finish_reason").isTextual()) {
                    finish = finishReason(choice.path("finish_reason").asText());
                    finished = true;
                }
            }
        }
        if (!finished) {
            // a connection that broke off is not a finished answer, however plausible its last words
            throw new IOException("the upstream's stream ended before the answer did (no finish_reason, no [DONE])");
        }
        List<ToolCall> calls = new ArrayList<>();
        toolCalls.values().forEach(c -> calls.add(new ToolCall(c[0], c[1], written(c[2]))));
        return new Generation(text.toString(), finish, model, calls);
    }

    private ObjectNode body(GenerationRequest request, boolean stream) {
        ObjectNode body = mapper.valueToTree(request.parameters());
        if (!body.hasNonNull("model")) {
            body.put("model", settings.model());
        }
        // the host's max-tokens is a ceiling: a client's own limit may only lower it
        boolean limited = false;
        for (String limit : new String[] {"max_tokens", "max_completion_tokens"}) {
            if (body.hasNonNull(limit)) {
                body.put(limit, Math.max(1, Math.min(body.get(limit).asInt(request.maxTokens()), request.maxTokens())));
                limited = true;
            }
        }
        if (!limited) {
            body.put("max_tokens", request.maxTokens());
        }
        ArrayNode messages = body.putArray("messages");
        request.messages().forEach(message -> wire(message, messages.addObject()));
        body.put("stream", stream);
        if (!stream) {
            body.remove("stream_options");
        }
        return body;
    }

    /**
     * A call's arguments written out: the client decodes the JSON's {@code \\u} escapes before it shows or runs
     * them, so output moderation must read the decoded text; arguments that are not JSON stay as they came.
     */
    private String written(String arguments) {
        if (!arguments.contains("\\u")) {
            return arguments;
        }
        try {
            return exact.writeValueAsString(exact.readTree(arguments));
        } catch (IOException e) {
            return arguments;
        }
    }

    /** A message as Chat Completions takes it, tool use included: the model must see which call a result answers. */
    private static void wire(Message message, ObjectNode node) {
        node.put("role", message.role().name().toLowerCase(Locale.ROOT));
        if (message.toolCalls().isEmpty() || !message.content().isEmpty()) {
            node.put("content", message.content());
        } else {
            node.putNull("content"); // an assistant turn that only called tools
        }
        if (!message.toolCalls().isEmpty()) {
            ArrayNode calls = node.putArray("tool_calls");
            for (ToolCall call : message.toolCalls()) {
                ObjectNode wired = calls.addObject();
                wired.put("id", call.id()).put("type", "function");
                wired.putObject("function").put("name", call.name()).put("arguments", call.arguments());
            }
        }
        if (message.role() == Role.TOOL && !message.toolCallId().isEmpty()) {
            node.put("tool_call_id", message.toolCallId());
        }
    }

    private HttpResponse<InputStream> send(ObjectNode body) throws IOException, InterruptedException {
        HttpRequest.Builder http = HttpRequest.newBuilder(settings.endpoint("/chat/completions"))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", body.path("stream").asBoolean() ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body), StandardCharsets.UTF_8));
        if (!settings.apiKey().isEmpty()) {
            http.header("Authorization", "Bearer " + settings.apiKey());
        }
        HttpResponse<InputStream> response = client.send(http.build(), InterruptibleBody.handler(settings.requestTimeout()));
        if (response.statusCode() / 100 != 2) {
            String detail = errorDetail(response);
            String message = "the upstream answered HTTP " + response.statusCode() + (detail.isEmpty() ? "" : ": " + detail);
            if (REQUEST_ERRORS.contains(response.statusCode())) {
                throw new RequestRejectedException(message); // the caller's request, not a broken upstream
            }
            throw new UpstreamException(response.statusCode(), message);
        }
        return response;
    }

    private String errorDetail(HttpResponse<InputStream> response) {
        String text;
        try (InputStream in = response.body()) {
            text = new String(in.readNBytes(2000), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "";
        }
        try {
            JsonNode error = mapper.readTree(text).path("error");
            if (error.path("message").isTextual()) {
                return error.path("message").asText();
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: fall through
        }
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private JsonNode parse(String json) throws IOException {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new IOException("the upstream sent something that is not JSON: "
                    + (json.length() > 80 ? json.substring(0, 80) + "…" : json), e);
        }
    }

    /** A call that may fail with the upstream's status. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException, InterruptedException;
    }

    private <T> T withRetries(Call<T> call) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.run();
            } catch (UpstreamException e) {
                if (!e.retryable() || attempt >= settings.maxRetries()) {
                    throw e;
                }
                backoff(attempt, e);
            } catch (java.net.http.HttpTimeoutException | RequestRejectedException e) {
                throw e; // the request's own time is spent, or the model will not take it however often it is sent
            } catch (IOException e) {
                if (attempt >= settings.maxRetries()) {
                    throw e;
                }
                backoff(attempt, e);
            }
        }
    }

    private void backoff(int attempt, Exception cause) throws InterruptedException {
        long base = settings.retryBackoff().toMillis() << attempt;
        long wait = base + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        log.warn("Upstream call failed ({}); retrying in {} ms", cause.getMessage(), wait);
        Thread.sleep(wait);
    }

    private static FinishReason finishReason(String reason) {
        return switch (reason) {
            case "length" -> FinishReason.LENGTH;
            case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
            default -> FinishReason.STOP;
        };
    }

    /** The upstream answered with an HTTP error status. */
    static final class UpstreamException extends IOException {
        private final int status;

        UpstreamException(int status, String message) {
            super(message);
            this.status = status;
        }

        boolean retryable() {
            return status == 429 || status >= 500;
        }
    }
}
