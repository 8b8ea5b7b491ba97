package dev.veto.plugins.openai;

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
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A chat model on loopback speaking the OpenAI wire format: it answers "You asked about N characters."
 * word by word (SSE) or at once, or never answers at all when {@link #hang} is set.
 */
final class ChatCompletionsStub implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> new Thread(r, "stub-chat-model"));
    private final ObjectMapper mapper = new ObjectMapper();
    volatile boolean hang;
    /** Answers without end (until the client hangs up): one JSON document or one SSE line that never closes. */
    volatile boolean flood;
    /** Streams the first words and hangs up: no finish_reason, no [DONE]. */
    volatile boolean cutShort;
    /** Streams an HTML page instead of events (a proxy's error page). */
    volatile boolean htmlInsteadOfEvents;
    /** Splits each event's JSON over two data: lines, as the SSE format allows. */
    volatile boolean multiLineEvents;
    /** Sends its headers, then nothing (for 30 s): a model server that stalled mid-answer. */
    volatile boolean silentAfterHeaders;

    ChatCompletionsStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::completions);
        server.start();
    }

    /** A generator calling this stub, without retries, with these settings besides. */
    dev.veto.spi.generator.Generator generator(java.nio.file.Path data, Map<String, Object> settings) {
        Map<String, Object> all = new java.util.HashMap<>(settings);
        all.put("base-url", baseUrl());
        all.putIfAbsent("max-retries", 0);
        return new OpenAiGeneratorFactory().create(dev.veto.testkit.TestComponentContext.of(OpenAiGeneratorFactory.class,
                com.typesafe.config.ConfigFactory.parseMap(all), data));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void completions(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = mapper.readTree(exchange.getRequestBody().readAllBytes());
            if (hang) {
                Thread.sleep(30_000);
            }
            if (silentAfterHeaders) {
                exchange.getResponseHeaders().add("Content-Type", request.path("stream").asBoolean() ? "text/event-stream" : "application/json");
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().flush();
                Thread.sleep(30_000);
                return;
            }
            if (flood) {
                flood(exchange, request.path("stream").asBoolean());
                return;
            }
            JsonNode messages = request.path("messages");
            String asked = messages.path(messages.size() - 1).path("content").asText();
            String[] words = ("You asked about " + asked.length() + " characters.").split("(?<= )");
            if (request.path("stream").asBoolean() && htmlInsteadOfEvents) {
                byte[] page = "<html><body>Bad gateway</body></html>".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                return;
            }
            if (request.path("stream").asBoolean()) {
                exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = exchange.getResponseBody();
                for (String word : words) {
                    String event = chunk(word, null);
                    event(out, multiLineEvents ? event.replace(",\"choices\"", "\ndata: ,\"choices\"") : event);
                    if (cutShort) {
                        return;
                    }
                }
                event(out, chunk(null, "stop"));
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            } else {
                ObjectNode body = mapper.createObjectNode().put("id", "stub").put("object", "chat.completion").put("model", "stub");
                ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", String.join("", words));
                byte[] bytes = mapper.writeValueAsBytes(body);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void flood(HttpExchange exchange, boolean stream) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", stream ? "text/event-stream" : "application/json");
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = "x".repeat(65_536).getBytes(StandardCharsets.UTF_8);
        try {
            OutputStream out = exchange.getResponseBody();
            out.write((stream ? "data: {\"id\": \"" : "{\"id\": \"").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 100_000; i++) {
                out.write(chunk);
            }
        } catch (IOException e) {
            // the client hung up: what it should do
        }
    }

    private String chunk(String content, String finish) throws IOException {
        ObjectNode chunk = mapper.createObjectNode().put("id", "stub").put("object", "chat.completion.chunk").put("model", "stub");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (content != null) {
            delta.put("content", content);
        }
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

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
