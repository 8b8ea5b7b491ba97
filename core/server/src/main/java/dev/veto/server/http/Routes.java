package dev.veto.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veto.core.InvalidRequestException;
import dev.veto.core.Veto;
import dev.veto.server.ServerSettings;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * Creates the routes.
     *
     * @param veto       the host
     * @param settings   the server settings
     * @param prometheus the registry {@code /metrics} renders
     */
    public Routes(Veto veto, ServerSettings settings, PrometheusMeterRegistry prometheus) {
        this.veto = veto;
        this.settings = settings;
        this.prometheus = prometheus;
    }

    /**
     * Registers the routes and error handlers.
     *
     * @param config the Javalin configuration
     */
    public void register(JavalinConfig config) {
        ApiKeys keys = new ApiKeys(settings);
        Admission admission = new Admission(settings.maxConcurrentRequests(), settings.retryAfter());
        CheckEndpoint check = new CheckEndpoint(veto, mapper, keys);
        ChatCompletionsEndpoint chat = new ChatCompletionsEndpoint(veto, mapper, keys);

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

        config.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.type(), e.code(), e.getMessage()));
        config.routes.exception(InvalidRequestException.class,
                (e, ctx) -> error(ctx, 400, "invalid_request_error", "invalid_request", e.getMessage()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            String code = status == 413 ? "body_too_large" : status == 404 ? "not_found" : "http_" + status;
            String message = status == 413 ? "the body is larger than " + settings.maxBodyBytes() + " bytes (veto.server.max-body-size)"
                    : e.getMessage();
            error(ctx, status, status >= 500 ? "server_error" : "invalid_request_error", code, message);
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.error("Unexpected failure handling {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 500, "server_error", "internal_error", "the request could not be handled; see the server log");
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
