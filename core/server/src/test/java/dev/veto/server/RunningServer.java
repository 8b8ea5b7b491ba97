package dev.veto.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veto.core.Decision;
import dev.veto.core.Veto;
import dev.veto.spi.ComponentContext;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.ClassifierFactory;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.signal.Signal;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A real server on a free loopback port over a host that loads the packaged keyword-classifier and
 * openai-generator plugins through PF4J, with the generator pointed at a {@link StubUpstream}. A
 * host-registered output classifier flags phone numbers, to show what output moderation stops.
 */
final class RunningServer implements AutoCloseable {

    /** A phone number like 555-0123-4567. */
    static final Pattern PHONE = Pattern.compile("\\d{3}-\\d{4}-\\d{4}");

    final Veto veto;
    final VetoServer server;
    /** Every decision the host recorded (its audit trail), in order. */
    final List<Decision> recorded;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    private RunningServer(Veto veto, VetoServer server, List<Decision> recorded) {
        this.veto = veto;
        this.server = server;
        this.recorded = recorded;
    }

    static RunningServer start(Path home, StubUpstream upstream, Map<String, Object> settings) {
        installPlugins(home, "keyword-classifier.zip", "openai-generator.zip");
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List<Decision> recorded = new CopyOnWriteArrayList<>();
        Veto.Builder builder = Veto.builder().home(home).meterRegistry(prometheus)
                .recorder((request, decision) -> recorded.add(decision))
                .classifierFactory(phones())
                .setting("veto.classifiers.lexicon.factory", "keyword")
                .setting("veto.classifiers.lexicon.stages", List.of("input", "output"))
                .setting("veto.classifiers.phones.factory", "phones")
                .setting("veto.generators.upstream.factory", "openai-compatible")
                .setting("veto.generators.upstream.settings.base-url", upstream.baseUrl())
                .setting("veto.generators.upstream.settings.max-retries", 0)
                .setting("veto.chain.generate.generator", "upstream")
                .setting("veto.chain.generate.deadline", "5s")
                .setting("veto.chain.output.stream.window", 20)
                .setting("veto.chain.output.stream.overlap", 16);
        settings.forEach(builder::setting);
        Veto veto = builder.build();
        try {
            return new RunningServer(veto, VetoServer.start(veto, prometheus, 0), recorded);
        } catch (RuntimeException e) {
            veto.close();
            throw e;
        }
    }

    /** Copies packaged plugin zips (from target/test-plugins, put there by the build) into an installation. */
    static void installPlugins(Path home, String... zips) {
        try {
            Path plugins = Files.createDirectories(home.resolve("plugins"));
            for (String plugin : zips) {
                Files.copy(Path.of("target/test-plugins", plugin), plugins.resolve(plugin));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the packaged plugins are missing: build with mvn verify", e);
        }
    }

    private static ClassifierFactory phones() {
        return new ClassifierFactory() {
            @Override
            public String name() {
                return "phones";
            }

            @Override
            public Set<Stage> stages() {
                return Set.of(Stage.OUTPUT);
            }

            @Override
            public Classifier create(ComponentContext context) {
                return input -> PHONE.matcher(input.text()).find() ? List.of(Signal.of("sensitive-data", 0.95)) : List.of();
            }
        };
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        return post(path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    HttpResponse<String> post(String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (!typed) {
            request.header("Content-Type", "application/json");
        }
        return send(request.build());
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
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
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** The JSON of every {@code data:} event of a server-sent event stream, {@code [DONE]} as a text node. */
    List<JsonNode> events(HttpResponse<String> response) {
        return response.body().lines().filter(line -> line.startsWith("data: ")).map(line -> line.substring(6))
                .map(data -> {
                    try {
                        return data.equals("[DONE]") ? mapper.getNodeFactory().textNode(data) : mapper.readTree(data);
                    } catch (IOException e) {
                        throw new AssertionError("not JSON: " + data, e);
                    }
                }).toList();
    }

    @Override
    public void close() {
        try (veto) {
            server.close();
        }
    }
}
