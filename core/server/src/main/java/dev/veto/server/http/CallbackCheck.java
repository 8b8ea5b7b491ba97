package dev.veto.server.http;

import dev.veto.spi.request.Request;
import dev.veto.store.review.CallbackTargets;
import java.util.Optional;

/**
 * Rejects a request whose {@code context.attributes.callback-url} may not be called, before it is judged:
 * the client learns at once that its callback would never arrive.
 */
final class CallbackCheck {

    /** The context attribute the review queue reads the callback URL from. */
    static final String ATTRIBUTE = "callback-url";

    private final Optional<CallbackTargets> targets;

    CallbackCheck(Optional<CallbackTargets> targets) {
        this.targets = targets;
    }

    void check(Request request) {
        String url = request.context().attributes().get(ATTRIBUTE);
        if (url == null || url.isBlank()) {
            return;
        }
        String problem = targets.map(t -> t.problem(url.strip()))
                .orElse("callbacks need the review queue (veto.store), which this server does not run");
        if (problem != null) {
            throw ApiError.badRequest("invalid_callback", "context.attributes." + ATTRIBUTE + ": " + problem);
        }
    }
}
