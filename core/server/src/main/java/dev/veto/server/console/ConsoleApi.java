package dev.veto.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veto.server.http.ApiError;
import dev.veto.server.http.JsonBodies;
import dev.veto.spi.escalator.EscalationStatus;
import dev.veto.store.Store;
import dev.veto.store.audit.DecisionCount;
import dev.veto.store.review.Backlog;
import dev.veto.store.review.ReviewAction;
import dev.veto.store.review.ReviewCase;
import dev.veto.store.reviewer.Reviewer;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The reviewer console: its page at {@code /console/} and its API under {@code /console/api/} — login,
 * the queue with filters, a case's detail, claim / release / approve / deny / edit, and the dashboard.
 *
 * <p>Sessions are cookies ({@code HttpOnly}, {@code SameSite=Strict}) backed by the store; every change
 * also needs the header {@code X-Veto-Console: 1}, which a cross-site form cannot send. A reviewer sees only
 * their tenants' cases: another tenant's case is "not found", in the console as through the API.
 */
public final class ConsoleApi {

    /** The session cookie's name. */
    public static final String COOKIE = "veto_console";
    private static final String CSRF_HEADER = "X-Veto-Console";
    private static final int MAX_LIMIT = 500;

    private final Store store;
    private final ObjectMapper mapper;
    private final JsonBodies bodies;
    private final CaseJson json;
    private final ConsoleAssets assets = new ConsoleAssets();

    /**
     * Creates the console.
     *
     * @param store  the store with the queue, the audit trail and the reviewers
     * @param mapper the JSON mapper
     */
    public ConsoleApi(Store store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
        this.bodies = new JsonBodies(mapper);
        this.json = new CaseJson(mapper);
    }

    /**
     * Registers the console's routes.
     *
     * @param config the Javalin configuration
     */
    public void register(JavalinConfig config) {
        // the router ignores trailing slashes; the page's relative links need one
        config.routes.get("/console/", ctx -> {
            if (ctx.path().endsWith("/")) {
                assets.serve(ctx, "index.html");
            } else {
                ctx.redirect("/console/");
            }
        });
        config.routes.get("/console/{file}", ctx -> assets.serve(ctx, ctx.pathParam("file")));

        config.routes.post("/console/api/login", this::login);
        config.routes.post("/console/api/logout", this::logout);
        config.routes.get("/console/api/me", ctx -> json(ctx, me(reviewer(ctx))));
        config.routes.get("/console/api/cases", this::cases);
        config.routes.post("/console/api/cases/next", this::claimNext);
        config.routes.get("/console/api/cases/{id}", ctx -> {
            Reviewer reviewer = reviewer(ctx);
            ReviewCase c = store.reviews().find(ctx.pathParam("id"), reviewer.tenants())
                    .orElseThrow(() -> new ApiError(404, "invalid_request_error", "not_found", "no case " + ctx.pathParam("id")));
            json(ctx, detail(c));
        });
        config.routes.post("/console/api/cases/{id}/claim", ctx -> {
            Reviewer reviewer = deciding(ctx);
            json(ctx, detail(store.reviews().claim(ctx.pathParam("id"), reviewer.name(), reviewer.tenants())));
        });
        config.routes.post("/console/api/cases/{id}/release", ctx -> {
            Reviewer reviewer = deciding(ctx);
            json(ctx, detail(store.reviews().release(ctx.pathParam("id"), reviewer.name(), reviewer.tenants())));
        });
        config.routes.post("/console/api/cases/{id}/decision", this::decide);
        config.routes.get("/console/api/dashboard", this::dashboard);
    }

    private void login(Context ctx) throws Exception {
        JsonNode body = bodies.object(ctx);
        String name = JsonBodies.text(body, "name");
        String password = JsonBodies.text(body, "password");
        if (name == null || password == null || name.length() > 200 || password.length() > 1000) {
            throw ApiError.badRequest("missing_credentials", "send 'name' and 'password'");
        }
        if (!store.logins().allows(name)) {
            ctx.header("Retry-After", "300");
            throw new ApiError(429, "rate_limit_error", "too_many_attempts", "too many failed logins; wait a few minutes");
        }
        Optional<Reviewer> reviewer = store.reviewers().authenticate(name, password);
        if (reviewer.isEmpty()) {
            store.logins().failed(name);
            throw new ApiError(401, "authentication_error", "invalid_credentials", "the name or password is wrong");
        }
        store.logins().succeeded(name);
        String token = store.sessions().open(reviewer.get());
        ctx.header("Set-Cookie", COOKIE + "=" + token + "; Path=/console; HttpOnly; SameSite=Strict; Max-Age="
                + store.sessions().lifetime().toSeconds() + (ctx.scheme().equals("https") ? "; Secure" : ""));
        json(ctx, me(reviewer.get()));
    }

    private void logout(Context ctx) {
        csrf(ctx);
        store.sessions().close(ctx.cookie(COOKIE));
        ctx.header("Set-Cookie", COOKIE + "=; Path=/console; HttpOnly; SameSite=Strict; Max-Age=0");
        ctx.status(204);
    }

    private void cases(Context ctx) throws Exception {
        Reviewer reviewer = reviewer(ctx);
        List<String> tenants = reviewer.tenants();
        String tenant = ctx.queryParam("tenant");
        if (tenant != null && !tenant.isBlank()) {
            if (!tenants.contains("*") && !tenants.contains(tenant)) {
                throw new ApiError(404, "invalid_request_error", "not_found", "no tenant " + tenant + " among yours");
            }
            tenants = List.of(tenant);
        }
        List<EscalationStatus> statuses = statuses(ctx.queryParam("status"));
        String category = ctx.queryParam("category");
        int limit = limit(ctx.queryParam("limit"));
        ObjectNode answer = mapper.createObjectNode();
        ArrayNode data = answer.putArray("data");
        store.reviews().list(tenants, statuses, Optional.ofNullable(category).map(String::strip).filter(c -> !c.isEmpty()), limit)
                .forEach(c -> data.add(json.summary(c)));
        json(ctx, answer);
    }

    private void claimNext(Context ctx) throws Exception {
        Reviewer reviewer = deciding(ctx);
        Optional<ReviewCase> next = store.reviews().claimNext(reviewer.name(), reviewer.tenants());
        if (next.isEmpty()) {
            ctx.status(204);
            return;
        }
        json(ctx, detail(next.get()));
    }

    private void decide(Context ctx) throws Exception {
        Reviewer reviewer = deciding(ctx);
        JsonNode body = bodies.object(ctx);
        ReviewAction action = ReviewAction.parse(JsonBodies.text(body, "action"));
        ReviewCase decided = store.reviews().decide(ctx.pathParam("id"), reviewer.name(), reviewer.tenants(), action,
                JsonBodies.text(body, "response"), JsonBodies.text(body, "note"));
        json(ctx, detail(decided));
    }

    private void dashboard(Context ctx) throws Exception {
        Reviewer reviewer = reviewer(ctx);
        int hours = 24;
        String value = ctx.queryParam("hours");
        if (value != null) {
            try {
                hours = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("wrong_type", "'hours' must be a whole number");
            }
            if (hours < 1 || hours > 24 * 90) {
                throw ApiError.badRequest("out_of_range", "'hours' must lie in [1, 2160]");
            }
        }
        Duration bucket = hours <= 48 ? Duration.ofHours(1) : Duration.ofDays(1);
        List<DecisionCount> counts = store.audit().counts(reviewer.tenants(), Instant.now().minus(Duration.ofHours(hours)), bucket);
        ObjectNode answer = mapper.createObjectNode();
        ArrayNode data = answer.putArray("counts");
        for (DecisionCount count : counts) {
            ObjectNode entry = data.addObject();
            entry.put("bucket", count.bucket().toString());
            entry.put("tenant", count.tenant());
            entry.put("verdict", count.verdict());
            entry.put("category", count.category());
            entry.put("language", count.language());
            entry.put("count", count.count());
        }
        Backlog backlog = store.reviews().backlog(reviewer.tenants());
        ObjectNode queue = answer.putObject("backlog");
        queue.set("by_status", mapper.valueToTree(backlog.byStatus()));
        queue.put("oldest_pending_seconds", backlog.oldestPending().toSeconds());
        queue.put("mean_resolution_seconds", backlog.meanResolution().toSeconds());
        queue.put("resolved_by_humans", backlog.resolvedByHumans());
        json(ctx, answer);
    }

    private ObjectNode detail(ReviewCase c) {
        return json.detail(c, store.reviews().history(c.caseId()));
    }

    private ObjectNode me(Reviewer reviewer) {
        ObjectNode node = mapper.createObjectNode();
        node.put("name", reviewer.name());
        node.set("tenants", mapper.valueToTree(reviewer.tenants()));
        node.set("roles", mapper.valueToTree(reviewer.roles().stream().sorted().toList()));
        return node;
    }

    private Reviewer reviewer(Context ctx) {
        return store.sessions().reviewer(ctx.cookie(COOKIE))
                .orElseThrow(() -> new ApiError(401, "authentication_error", "not_logged_in", "log in to the console first"));
    }

    /** The logged-in reviewer, for a change: the CSRF header present and the reviewer role held. */
    private Reviewer deciding(Context ctx) {
        csrf(ctx);
        Reviewer reviewer = reviewer(ctx);
        if (!reviewer.mayDecide()) {
            throw new ApiError(403, "permission_error", "read_only", reviewer.name() + " may view cases but not decide them");
        }
        return reviewer;
    }

    private static void csrf(Context ctx) {
        if (!"1".equals(ctx.header(CSRF_HEADER))) {
            throw new ApiError(403, "permission_error", "missing_console_header", "console changes need the header "
                    + CSRF_HEADER + ": 1");
        }
    }

    private static List<EscalationStatus> statuses(String value) {
        String status = value == null || value.isBlank() ? "open" : value.strip().toLowerCase(Locale.ROOT);
        return switch (status) {
            case "all" -> List.of();
            case "open" -> List.of(EscalationStatus.PENDING, EscalationStatus.IN_REVIEW);
            default -> {
                for (EscalationStatus s : EscalationStatus.values()) {
                    if (s.name().equalsIgnoreCase(status)) {
                        yield List.of(s);
                    }
                }
                throw ApiError.badRequest("unknown_status", "unknown status '" + value
                        + "'; expected open, all, pending, in_review, approved, denied or expired");
            }
        };
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ApiError.badRequest("out_of_range", "'limit' must lie in [1, " + MAX_LIMIT + "]");
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("wrong_type", "'limit' must be a whole number");
        }
    }

    private void json(Context ctx, ObjectNode body) throws Exception {
        ctx.header("Cache-Control", "no-store");
        ctx.status(200).contentType("application/json").result(mapper.writeValueAsBytes(body));
    }

}
