package dev.veto.store.review;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes settled cases' outcomes to the callback URL the client gave: a JSON POST (see {@link CaseOutcome}),
 * retried with exponential backoff; after the last attempt the case's history keeps a dead-letter event.
 * Each attempt is claimed by a conditional update first, so with several hosts one attempt is made once.
 */
public final class OutcomeCallbacks {

    private static final Logger log = LoggerFactory.getLogger(OutcomeCallbacks.class);

    private final ReviewQueue queue;
    private final CallbackTargets targets;
    private final HttpClient http;
    private final Clock clock;
    private final int attempts;
    private final Duration backoff;
    private final Duration timeout;

    /**
     * Creates the dispatcher.
     *
     * @param queue    the queue
     * @param targets  the allowed callback hosts
     * @param clock    the clock
     * @param attempts attempts before giving up
     * @param backoff  the first retry delay, doubled each time
     * @param timeout  the timeout of one attempt
     */
    public OutcomeCallbacks(ReviewQueue queue, CallbackTargets targets, Clock clock, int attempts, Duration backoff,
                            Duration timeout) {
        this.queue = queue;
        this.targets = targets;
        this.clock = clock;
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Attempts every due callback once.
     *
     * @return how many were delivered
     */
    public int dispatchDue() {
        int delivered = 0;
        for (ReviewCase c : queue.callbacksDue(50)) {
            Optional<String> url = queue.callbackUrl(c.caseId());
            if (url.isEmpty()) {
                continue;
            }
            int attempt = queue.callbackAttempts(c.caseId()) + 1;
            String failure = deliver(url.get(), c);
            if (failure == null) {
                if (queue.callbackAttempted(c, CallbackState.DELIVERED, Optional.empty(), "attempt " + attempt)) {
                    delivered++;
                }
            } else if (attempt >= attempts) {
                if (queue.callbackAttempted(c, CallbackState.FAILED, Optional.empty(),
                        "dead letter after " + attempt + " attempts: " + failure)) {
                    log.warn("Outcome callback of case {} given up after {} attempts: {}", c.caseId(), attempt, failure);
                }
            } else {
                Duration delay = backoff.multipliedBy(1L << Math.min(attempt - 1, 16));
                queue.callbackAttempted(c, CallbackState.PENDING, Optional.of(clock.instant().plus(delay)),
                        "attempt " + attempt + " failed: " + failure);
            }
        }
        return delivered;
    }

    /** @return null when delivered, else why not */
    private String deliver(String url, ReviewCase c) {
        String problem = targets.problem(url);
        if (problem != null) {
            return problem;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(CaseOutcome.toJson(c).toString(), StandardCharsets.UTF_8))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "HTTP " + status;
        } catch (java.io.IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
