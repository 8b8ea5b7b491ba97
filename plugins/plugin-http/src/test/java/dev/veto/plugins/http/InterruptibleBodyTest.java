package dev.veto.plugins.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Over a real socket: a body read whole, a stalled body left by interruption, and one ended by its deadline. */
@Timeout(20)
class InterruptibleBodyTest {

    private HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/whole", exchange -> {
            byte[] body = "line one\nline two\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/stalled", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("partial".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private InputStream get(String path, Duration timeout) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return client.send(HttpRequest.newBuilder(uri).build(), InterruptibleBody.handler(timeout)).body();
    }

    @Test
    void aBodyIsReadWhole() throws Exception {
        try (InputStream body = get("/whole", Duration.ofSeconds(10))) {
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("line one\nline two\n".repeat(10_000));
        }
    }

    @Test
    void anInterruptedReaderLeavesAStalledBody() throws Exception {
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (InputStream body = get("/stalled", Duration.ofSeconds(60))) {
                body.readAllBytes();
                ended.complete(null);
            } catch (Throwable e) {
                ended.complete(e);
            }
        });
        reader.start();
        assertThatThrownBy(() -> ended.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
        reader.interrupt();
        assertThat(ended.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedIOException.class);
    }

    @Test
    void aStalledBodyEndsAtTheDeadline() throws Exception {
        try (InputStream body = get("/stalled", Duration.ofMillis(800))) {
            assertThat(body.readNBytes(7)).isEqualTo("partial".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(body::read).isInstanceOf(HttpTimeoutException.class).hasMessageContaining("request-timeout");
        }
    }
}
