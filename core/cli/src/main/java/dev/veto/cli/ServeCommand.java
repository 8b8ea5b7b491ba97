package dev.veto.cli;

import dev.veto.core.Veto;
import dev.veto.server.VetoServer;
import dev.veto.server.http.ApiKeys;
import dev.veto.store.reviewer.PasswordHash;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code veto serve}: the HTTP API until the process is stopped. With {@code --upstream}, the guarded proxy
 * forwards allowed requests to that OpenAI-compatible API through the {@code openai-compatible} generator.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the HTTP API: POST /v1/check, POST /v1/chat/completions (OpenAI-compatible, streaming),",
                "GET /v1/models, /health/live, /health/ready and /metrics. Stops on SIGTERM or Ctrl-C."})
final class ServeCommand implements Callable<Integer> {

    /** The generator instance {@code --upstream} defines. */
    static final String UPSTREAM = "upstream";

    @Spec
    CommandSpec spec;

    @Mixin
    HostOptions host = new HostOptions();

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (0: any free port). Default: veto.server.port.")
    Integer port;

    @Option(names = "--upstream", paramLabel = "URL",
            description = "OpenAI-compatible API to guard, up to its version path, e.g. http://localhost:11434/v1. "
                    + "Its key is read from $VETO_UPSTREAM_API_KEY.")
    URI upstream;

    @Option(names = "--upstream-model", paramLabel = "MODEL", description = "With --upstream: the model when a request names none.")
    String upstreamModel;

    @Option(names = "--hash-key", paramLabel = "KEY",
            description = "Print the SHA-256 of an API key, for veto.server.api-keys, and exit.")
    String hashKey;

    @Option(names = "--hash-password", paramLabel = "PASSWORD",
            description = "Print the hash of a reviewer's password, for veto.console.reviewers.<name>.password-hash, and exit.")
    String hashPassword;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (hashKey != null) {
            out.println(ApiKeys.sha256(hashKey));
            return 0;
        }
        if (hashPassword != null) {
            out.println(PasswordHash.hash(hashPassword));
            return 0;
        }
        if (upstreamModel != null && upstream == null) {
            throw new UsageException("--upstream-model needs --upstream");
        }
        if (upstream != null) {
            host.settings.put("veto.generators." + UPSTREAM + ".factory", "openai-compatible");
            host.settings.put("veto.generators." + UPSTREAM + ".settings.base-url", upstream.toString());
            if (upstreamModel != null) {
                host.settings.put("veto.generators." + UPSTREAM + ".settings.model", upstreamModel);
            }
            host.settings.put("veto.chain.generate.generator", UPSTREAM);
        }
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HostOptions.RecordedHost veto = host.startRecorded(prometheus);
        VetoServer server;
        try {
            server = VetoServer.start(veto.veto(), prometheus, port, Optional.of(veto.store()));
        } catch (RuntimeException e) {
            veto.close();
            throw e;
        }
        // the JVM exits once shutdown hooks finish: stopping happens in the hook, not after it
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (veto; server) {
                out.println("Veto stopping");
                out.flush();
            } finally {
                stopped.countDown();
            }
        }, "veto-shutdown"));
        out.printf("Veto serving on http://%s:%d (policy %s); reviewer console at /console/%n", server.host(), server.port(),
                veto.veto().policyVersion());
        out.flush();
        stopped.await();
        return 0;
    }
}
