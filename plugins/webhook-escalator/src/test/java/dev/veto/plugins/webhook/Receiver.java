package dev.veto.plugins.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ticketing system on loopback: records every delivery; fails the first {@code failures} attempts; answers
 * after {@code answerAfterMillis}.
 */
final class Receiver implements AutoCloseable {

    record Delivery(String body, Map<String, String> headers, boolean signatureValid) {
    }

    static final String SECRET = "a-shared-secret-of-some-length";

    final List<Delivery> accepted = new CopyOnWriteArrayList<>();
    final AtomicInteger attempts = new AtomicInteger();
    volatile int failures;
    /** How long the receiver takes before it answers. */
    volatile long answerAfterMillis;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> new Thread(r, "stub-receiver"));

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/hooks/veto", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int attempt = attempts.incrementAndGet();
            try {
                Thread.sleep(answerAfterMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (attempt <= failures) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            String timestamp = exchange.getRequestHeaders().getFirst("X-Veto-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Veto-Signature");
            boolean valid = signature != null && signature.equals(Signature.sign(SECRET, Long.parseLong(timestamp), body));
            accepted.add(new Delivery(new String(body, StandardCharsets.UTF_8),
                    Map.of("delivery", String.valueOf(exchange.getRequestHeaders().getFirst("X-Veto-Delivery"))), valid));
            exchange.sendResponseHeaders(valid ? 202 : 401, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/veto";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
