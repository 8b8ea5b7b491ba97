package dev.veto.server;

import dev.veto.core.Veto;
import dev.veto.server.http.JsonErrorHandler;
import dev.veto.server.http.Routes;
import dev.veto.store.Store;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Veto over HTTP: {@code POST /v1/check}, the OpenAI-compatible {@code POST /v1/chat/completions} (with
 * streaming), {@code GET /v1/models}, {@code /health/live}, {@code /health/ready} and {@code /metrics}
 * (Prometheus), on Javalin and Jetty 12.
 *
 * <p>Without API keys configured the server listens on loopback only, whatever {@code veto.server.host}
 * says, and says so; with keys, every API call needs one.
 */
public final class VetoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VetoServer.class);

    private final Javalin app;
    private final String host;
    private final JvmGcMetrics gc;

    private VetoServer(Javalin app, String host, JvmGcMetrics gc) {
        this.app = app;
        this.host = host;
        this.gc = gc;
    }

    /**
     * Starts a server for a host.
     *
     * @param veto       the host, built with {@code prometheus} as its meter registry
     * @param prometheus the registry {@code /metrics} renders
     * @param port       the port to listen on, or {@code null} for {@code veto.server.port}
     * @return the running server
     */
    public static VetoServer start(Veto veto, PrometheusMeterRegistry prometheus, Integer port) {
        return start(veto, prometheus, port, Optional.empty());
    }

    /**
     * Starts a server for a host with a store: also {@code GET /v1/escalations/{id}} for the review queue's
     * cases and the reviewer console at {@code /console/}.
     *
     * @param veto       the host, built with {@code prometheus} as its meter registry and the store attached
     * @param prometheus the registry {@code /metrics} renders
     * @param port       the port to listen on, or {@code null} for {@code veto.server.port}
     * @param store      the store, if the host has one
     * @return the running server
     */
    public static VetoServer start(Veto veto, PrometheusMeterRegistry prometheus, Integer port, Optional<Store> store) {
        ServerSettings settings = ServerSettings.read(veto.config());
        String host = settings.authenticated() ? settings.host() : "127.0.0.1";
        if (!settings.authenticated()) {
            log.warn("No API keys configured (veto.server.api-keys): listening on loopback only, without authentication");
        }
        Routes routes = new Routes(veto, settings, prometheus, store);
        JvmGcMetrics gc = new JvmGcMetrics();
        for (MeterBinder binder : List.of(new JvmMemoryMetrics(), gc, new JvmThreadMetrics(), new ProcessorMetrics(),
                new UptimeMetrics())) {
            binder.bindTo(prometheus);
        }
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = host;
            config.jetty.port = port != null ? port : settings.port();
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.prefer405over404 = true; // GET /v1/check: the path exists, the method is wrong
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            // enough threads for every admitted request plus health, metrics and the connectors, so that past
            // the limit a request gets its 503 at once instead of waiting in Jetty's queue
            QueuedThreadPool threads = new QueuedThreadPool(settings.maxConcurrentRequests() + 16, 8);
            threads.setName("veto-http");
            config.jetty.threadPool = threads;
            routes.register(config);
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            gc.close();
            throw e;
        }
        log.info("Veto listening on http://{}:{} (policy {})", host, app.port(), veto.policyVersion());
        return new VetoServer(app, host, gc);
    }

    /**
     * The port the server listens on.
     *
     * @return the port
     */
    public int port() {
        return app.port();
    }

    /**
     * The address the server listens on.
     *
     * @return the host
     */
    public String host() {
        return host;
    }

    @Override
    public void close() {
        app.stop();
        gc.close();
    }
}
