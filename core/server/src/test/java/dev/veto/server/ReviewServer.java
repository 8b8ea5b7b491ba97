package dev.veto.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veto.core.Veto;
import dev.veto.server.http.ApiKeys;
import dev.veto.store.Store;
import dev.veto.store.reviewer.PasswordHash;
import dev.veto.testkit.PolicyFixture;
import dev.veto.testkit.TestClassifiers;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real server with the store attached, as {@code veto serve} runs it: the packaged PII and keyword plugins
 * loaded through PF4J, the review queue as escalator, API keys for tenants acme and globex, and reviewers
 * alice (acme), bob (globex) and vic (acme, read only). "custody" questions are escalated.
 */
final class ReviewServer implements AutoCloseable {

    static final String ACME_KEY = "key-acme-123";
    static final String GLOBEX_KEY = "key-globex-456";
    static final String PASSWORD = "correct horse battery staple";

    final Store store;
    final Veto veto;
    final VetoServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    private ReviewServer(Store store, Veto veto, VetoServer server) {
        this.store = store;
        this.veto = veto;
        this.server = server;
    }

    static ReviewServer start(Path home, String storeUrl, Map<String, Object> more) {
        RunningServer.installPlugins(home, "keyword-classifier.zip", "pii-classifier.zip");
        PolicyFixture.copyBundled(home.resolve("conf/policy")).append("policy.conf", "categories.specialized-advice.escalate = 0.65");
        String hash = PasswordHash.hash(PASSWORD);
        Map<String, Object> settings = new HashMap<>();
        settings.put("veto.store.url", storeUrl);
        settings.put("veto.server.host", "127.0.0.1");
        settings.put("veto.server.api-keys", List.of(Map.of("tenant", "acme", "sha256", ApiKeys.sha256(ACME_KEY)),
                Map.of("tenant", "globex", "sha256", ApiKeys.sha256(GLOBEX_KEY))));
        settings.put("veto.console.reviewers.alice", Map.of("password-hash", hash, "tenants", List.of("acme"), "roles", List.of("reviewer")));
        settings.put("veto.console.reviewers.bob", Map.of("password-hash", hash, "tenants", List.of("globex"), "roles", List.of("reviewer")));
        settings.put("veto.console.reviewers.vic", Map.of("password-hash", hash, "tenants", List.of("acme"), "roles", List.of("viewer")));
        settings.put("veto.store.review.callback-hosts", List.of("127.0.0.1"));
        settings.putAll(more);

        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Store store = Store.open(com.typesafe.config.ConfigFactory.parseMap(settings), home, Clock.systemUTC(), prometheus);
        Veto.Builder builder = store.attach(Veto.builder().home(home).meterRegistry(prometheus))
                .classifierFactory(TestClassifiers.flagging("custody", "custody", "specialized-advice", 0.7))
                .setting("veto.classifiers.lexicon.factory", "keyword")
                .setting("veto.classifiers.pii.factory", "pii")
                .setting("veto.classifiers.custody.factory", "custody")
                .setting("veto.escalators.humans.factory", "review-queue")
                .setting("veto.escalators.humans.settings.sla", "2h")
                .setting("veto.chain.escalate.escalator", "humans");
        settings.forEach(builder::setting);
        Veto veto = builder.build();
        try {
            return new ReviewServer(store, veto, VetoServer.start(veto, prometheus, 0, Optional.of(store)));
        } catch (RuntimeException e) {
            veto.close();
            store.close();
            throw e;
        }
    }


    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode json(HttpResponse<String> response) {
        try {
            return mapper.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks a text as a tenant; returns the decision JSON. */
    JsonNode check(String key, String text) {
        HttpResponse<String> response = send("POST", "/v1/check", "{\"text\":" + quote(text) + "}", "Authorization", "Bearer " + key);
        if (response.statusCode() != 200) {
            throw new AssertionError("check answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    /** Logs a reviewer into the console; returns the Cookie header value. */
    String login(String name) {
        HttpResponse<String> response = send("POST", "/console/api/login",
                "{\"name\":" + quote(name) + ",\"password\":" + quote(PASSWORD) + "}");
        if (response.statusCode() != 200) {
            throw new AssertionError("login answered " + response.statusCode() + ": " + response.body());
        }
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    String quote(String text) {
        try {
            return mapper.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (store; veto) {
            server.close();
        }
    }
}
