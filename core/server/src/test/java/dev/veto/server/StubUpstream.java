package dev.veto.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model server on loopback speaking the OpenAI wire format — {@code POST /v1/chat/completions}, blocking
 * and as server-sent events — whose answers a test scripts: the text's chunks, tool calls, a delay, an
 * error status, or garbage.
 */
final class StubUpstream implements AutoCloseable {

    enum Mode { NORMAL, ERROR_500, GARBAGE, SLOW }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = Executors.newCachedThreadPool();
    private final ObjectMapper mapper = new ObjectMapper();
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    volatile List<String> chunks = List.of("Hello", " there.");
    volatile String toolCall;
    volatile Mode mode = Mode.NORMAL;
    volatile long chunkDelayMillis;
    /** How many calls still fail with 503 before the scripted mode applies. */
    final AtomicInteger transientFailures = new AtomicInteger();

    StubUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::completions);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void completions(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        JsonNode request = mapper.readTree(exchange.getRequestBody().readAllBytes());
        requests.add(request);
        try (exchange) {
            if (transientFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                send(exchange, 503, "application/json", "{\"error\":{\"message\":\"warming up\"}}");
                return;
            }
            if (request.path("model").asText().equals("no-such-model")) {
                send(exchange, 404, "application/json", "{\"error\":{\"message\":\"The model `no-such-model` does not exist\"}}");
                return;
            }
            String unanswerable = unansweredToolMessage(request.path("messages"));
            if (unanswerable != null) {
                // as OpenAI does: a tool result must name a call of an earlier assistant message
                send(exchange, 400, "application/json", mapper.writeValueAsString(mapper.createObjectNode()
                        .set("error", mapper.createObjectNode().put("message", unanswerable))));
                return;
            }
            switch (mode) {
                case ERROR_500 -> {
                    send(exchange, 500, "application/json", "{\"error\":{\"message\":\"model crashed\"}}");
                    return;
                }
                case GARBAGE -> {
                    send(exchange, 200, "application/json", "<html>definitely not json");
                    return;
                }
                case SLOW -> sleep(10_000);
                default -> {
                }
            }
            if (request.path("stream").asBoolean()) {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                event(out, chunk(delta -> delta.put("role", "assistant"), null));
                for (String text : chunks) {
                    sleep(chunkDelayMillis);
                    event(out, chunk(delta -> delta.put("content", text), null));
                }
                if (toolCall != null) {
                    event(out, chunk(delta -> delta.putArray("tool_calls").addObject().put("index", 0).put("id", "call_1")
                            .put("type", "function").putObject("function").put("name", "lookup").put("arguments", toolCall), null));
                }
                event(out, chunk(delta -> { }, toolCall != null ? "tool_calls" : "stop"));
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            } else {
                ObjectNode body = mapper.createObjectNode();
                body.put("id", "chatcmpl-stub").put("object", "chat.completion").put("created", 1).put("model", "stub-model");
                ObjectNode choice = body.putArray("choices").addObject();
                choice.put("index", 0);
                ObjectNode message = choice.putObject("message");
                message.put("role", "assistant").put("content", String.join("", chunks));
                if (toolCall != null) {
                    message.putArray("tool_calls").addObject().put("id", "call_1").put("type", "function")
                            .putObject("function").put("name", "lookup").put("arguments", toolCall);
                }
                choice.put("finish_reason", toolCall != null ? "tool_calls" : "stop");
                send(exchange, 200, "application/json", mapper.writeValueAsString(body));
            }
        }
    }

    private static String unansweredToolMessage(JsonNode messages) {
        java.util.Set<String> calls = new java.util.HashSet<>();
        for (JsonNode message : messages) {
            message.path("tool_calls").forEach(call -> calls.add(call.path("id").asText()));
            if (message.path("role").asText().equals("tool") && !calls.contains(message.path("tool_call_id").asText())) {
                return "messages with role 'tool' must be a response to a preceding message with 'tool_calls'";
            }
        }
        return null;
    }

    private String chunk(java.util.function.Consumer<ObjectNode> delta, String finish) throws IOException {
        ObjectNode chunk = mapper.createObjectNode();
        chunk.put("id", "chatcmpl-stub").put("object", "chat.completion.chunk").put("created", 1).put("model", "stub-model");
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        delta.accept(choice.putObject("delta"));
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return mapper.writeValueAsString(chunk);
    }

    private static void event(OutputStream out, String json) throws IOException {
        out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow(); // wakes handlers still sleeping in SLOW mode
    }
}
