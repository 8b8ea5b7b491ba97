package dev.veto.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veto.core.DecisionNotRecordedException;
import dev.veto.core.InvalidRequestException;
import dev.veto.core.Veto;
import dev.veto.server.ServerSettings;
import dev.veto.server.console.ConsoleApi;
import dev.veto.store.Store;
import dev.veto.store.StoreException;
import dev.veto.store.review.ReviewException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's routes and its error handling: every error is a JSON body in the OpenAI shape, bad input is
 * always a 4xx, and an unexpected failure is logged and answered with a 500 that leaks nothing.
 */
public final class Routes {

    private static final Logger log = LoggerFactory.getLogger(Routes.class);

    private final Veto veto;
    private final ServerSettings settings;
    private final PrometheusMeterRegistry prometheus;
    private final Optional<Store> store;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * Creates the routes.
     *
     * @param veto       the host
     * @param settings   the server settings
     * @param prometheus the registry {@code /metrics} renders
     * @param store      the store with the review queue and the console's reviewers, if the host has one
     */
    public Routes(Veto veto, ServerSettings settings, PrometheusMeterRegistry prometheus, Optional<Store> store) {
        this.veto = veto;
        this.settings = settings;
        this.prometheus = prometheus;
        this.store = store;
    }

    /**
     * Registers the routes and error handlers.
     *
     * @param config the Javalin configuration
     */
    public void register(JavalinConfig config) {
        ApiKeys keys = new ApiKeys(settings);
        Admission admission = new Admission(settings.maxConcurrentRequests(), settings.retryAfter());
        CallbackCheck callbacks = new CallbackCheck(store.map(Store::callbackTargets));
        CheckEndpoint check = new CheckEndpoint(veto, mapper, keys, callbacks);
        ChatCompletionsEndpoint chat = new ChatCompletionsEndpoint(veto, mapper, keys, callbacks, settings.extraParameters());
        EscalationsEndpoint escalations = new EscalationsEndpoint(veto, store, keys, mapper);

        config.routes.post("/v1/check", admission.guard(check::handle));
        config.routes.post("/v1/chat/completions", admission.guard(chat::handle));
        config.routes.get("/v1/models", ctx -> {
            keys.tenant(ctx);
            ObjectNode list = mapper.createObjectNode();
            list.put("object", "list");
            ArrayNode data = list.putArray("data");
            for (String model : settings.models()) {
                ObjectNode entry = data.addObject();
                entry.put("id", model);
                entry.put("object", "model");
                entry.put("created", 0);
                entry.put("owned_by", "veto");
            }
            json(ctx, 200, list);
        });
        config.routes.get("/v1/escalations/{id}", escalations::handle);
        store.ifPresent(s -> new ConsoleApi(s, mapper).register(config));
        config.routes.get("/health/live", ctx -> json(ctx, 200, status("UP")));
        config.routes.get("/health/ready", ctx -> {
            ObjectNode status = status("UP");
            status.put("policy_version", veto.policyVersion());
            status.put("plugin_problems", veto.plugins().stream().mapToInt(p -> p.problems().size()).sum());
            json(ctx, 200, status);
        });
        config.routes.get("/metrics", ctx -> {
            keys.tenant(ctx);
            ctx.status(200).contentType("text/plain; version=0.0.4; charset=utf-8").result(prometheus.scrape());
        });

        config.routes.exception(ApiError.class, (e, ctx) -> {
            if (e.status() == 503) {
                ctx.header("Retry-After", String.valueOf(Math.max(1, settings.retryAfter().toSeconds())));
            }
            error(ctx, e.status(), e.type(), e.code(), e.getMessage());
        });
        config.routes.exception(ReviewException.class, (e, ctx) -> {
            switch (e.kind()) {
                case NOT_FOUND -> error(ctx, 404, "invalid_request_error", "not_found", e.getMessage());
                case CONFLICT -> error(ctx, 409, "invalid_request_error", "conflict", e.getMessage());
                case LEASE_EXPIRED -> error(ctx, 409, "invalid_request_error", "lease_expired", e.getMessage());
                case INVALID -> error(ctx, 400, "invalid_request_error", "invalid_action", e.getMessage());
            }
        });
        config.routes.exception(DecisionNotRecordedException.class, (e, ctx) -> {
            log.error("Decision not acknowledged: {}", e.getMessage());
            ctx.header("Retry-After", String.valueOf(Math.max(1, settings.retryAfter().toSeconds())));
            ApiError unavailable = ApiError.auditUnavailable();
            error(ctx, unavailable.status(), unavailable.type(), unavailable.code(), unavailable.getMessage());
        });
        config.routes.exception(StoreException.class, (e, ctx) -> {
            log.error("Store unavailable handling {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", String.valueOf(Math.max(1, settings.retryAfter().toSeconds())));
            error(ctx, 503, "server_error", "store_unavailable", "the review queue is unavailable; retry shortly");
        });
        config.routes.exception(InvalidRequestException.class,
                (e, ctx) -> error(ctx, 400, "invalid_request_error", "invalid_request", e.getMessage()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            String code = status == 413 ? "body_too_large" : status == 404 ? "not_found"
                    : status == 405 ? "method_not_allowed" : "http_" + status;
            String message = status == 413 ? "the body is larger than " + settings.maxBodyBytes() + " bytes (veto.server.max-body-size)"
                    : e.getMessage();
            String allowed = e.getDetails().get("availableMethods");
            if (status == 405 && allowed != null) {
                ctx.header("Allow", allowed); // required with a 405 (RFC 9110, 15.5.6)
            }
            error(ctx, status, status >= 500 ? "server_error" : "invalid_request_error", code, message);
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            if (e instanceof EofException || e instanceof HttpException) {
                // the client's framing (a body shorter than its Content-Length, a broken chunk) or a hang-up
                log.debug("Unreadable request {} {}: {}", ctx.method(), ctx.path(), e.toString());
                error(ctx, 400, "invalid_request_error", "unreadable_body", "the request body could not be read: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                return;
            }
            log.error("Unexpected failure handling {} {}", ctx.method(), ctx.path(), e);
            ApiError internal = ApiError.internal();
            error(ctx, internal.status(), internal.type(), internal.code(), internal.getMessage());
        });
        config.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || !ctx.result().startsWith("{")) {
                error(ctx, 404, "invalid_request_error", "not_found", "no such endpoint: " + ctx.method() + " " + ctx.path());
            }
        });
        config.routes.error(405, ctx -> error(ctx, 405, "invalid_request_error", "method_not_allowed",
                "method " + ctx.method() + " is not allowed on " + ctx.path()));
    }

    private ObjectNode status(String status) {
        ObjectNode node = mapper.createObjectNode();
        node.put("status", status);
        return node;
    }

    private void json(Context ctx, int status, ObjectNode body) throws Exception {
        ctx.status(status).contentType("application/json").result(mapper.writeValueAsBytes(body));
    }

    private void error(Context ctx, int status, String type, String code, String message) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.put("code", code);
        error.putNull("param");
        try {
            ctx.status(status).contentType("application/json").result(mapper.writeValueAsBytes(root));
        } catch (Exception e) {
            ctx.status(status).result("{\"error\":{\"message\":\"error\"}}");
        }
    }
}
