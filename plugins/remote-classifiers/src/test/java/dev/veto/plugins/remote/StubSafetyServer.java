package dev.veto.plugins.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A safety model server on loopback: {@code POST /v1/chat/completions} answers with a scripted Llama Guard
 * verdict, {@code POST /v1/moderations} with scripted category scores; either can be slow, fail or send
 * garbage instead.
 */
final class StubSafetyServer implements AutoCloseable {

    enum Mode { NORMAL, ERROR_500, GARBAGE, SLOW, SILENT_AFTER_HEADERS, FLOOD }

    private final HttpServer server;
    /** Threads named "stub-" so contract tests can tell them from the component's own. */
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> new Thread(r, "stub-safety-server"));
    private final ObjectMapper mapper = new ObjectMapper();
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    /** The request received last (the host's warm-up call at start-up came before it). */
    JsonNode lastRequest() {
        return requests.get(requests.size() - 1);
    }

    volatile String verdict = "safe";
    volatile String scores = "{\"violence\": 0.01}";
    volatile Mode mode = Mode.NORMAL;

    StubSafetyServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", exchange -> answer(exchange, () -> mapper.createObjectNode()
                .put("id", "x").put("object", "chat.completion").put("model", "llama-guard3")
                .set("choices", mapper.createArrayNode().add(mapper.createObjectNode().put("index", 0)
                        .put("finish_reason", "stop")
                        .set("message", mapper.createObjectNode().put("role", "assistant").put("content", verdict))))
                .toString()));
        server.createContext("/v1/moderations", exchange -> answer(exchange,
                () -> "{\"id\": \"modr-1\", \"model\": \"omni-moderation-latest\", \"results\": [{\"flagged\": false, "
                        + "\"categories\": {}, \"category_scores\": " + scores + "}]}"));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void answer(HttpExchange exchange, java.util.function.Supplier<String> body) throws IOException {
        try (exchange) {
            requests.add(mapper.readTree(exchange.getRequestBody().readAllBytes()));
            switch (mode) {
                case ERROR_500 -> send(exchange, 500, "{\"error\": {\"message\": \"overloaded\"}}");
                case GARBAGE -> send(exchange, 200, "<html>oops</html>");
                case FLOOD -> flood(exchange);
                case SLOW -> pause();
                case SILENT_AFTER_HEADERS -> { // a model that stalls mid-answer: the client has its headers
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, 0);
                    exchange.getResponseBody().flush();
                    pause();
                }
                default -> send(exchange, 200, body.get());
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An answer that never ends (until the client hangs up): 64 KiB chunks of one JSON string. */
    private static void flood(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = "x".repeat(65_536).getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseBody().write("{\"id\": \"".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 100_000; i++) {
                exchange.getResponseBody().write(chunk);
            }
        } catch (IOException e) {
            // the client hung up: what it should do
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
