package dev.veto.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Bounds the requests handled at once. Past the bound a request is answered at once with 503 and
 * {@code Retry-After} — a client under overload learns to wait instead of hanging in a queue.
 */
final class Admission {

    private final Semaphore permits;
    private final Duration retryAfter;

    Admission(int maxConcurrent, Duration retryAfter) {
        this.permits = new Semaphore(maxConcurrent);
        this.retryAfter = retryAfter;
    }

    Handler guard(Handler handler) {
        return ctx -> {
            if (!permits.tryAcquire()) {
                ctx.header("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
                throw new ApiError(503, "server_error", "overloaded", "the server is at capacity; retry after "
                        + Math.max(1, retryAfter.toSeconds()) + " s");
            }
            try {
                handler.handle(ctx);
            } finally {
                permits.release();
            }
        };
    }

    /** Whether a request would be admitted now (readiness). */
    boolean hasCapacity(Context ctx) {
        return permits.availablePermits() > 0;
    }
}
