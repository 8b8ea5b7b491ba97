package dev.veto.core.component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Trips a component out after too many consecutive failures, and lets one trial call through once the
 * cool-down has passed. While tripped, calls are not made and count as failures of the stage, so a broken
 * plugin costs no latency and still never lets a request pass silently.
 */
public final class CircuitBreaker {

    private final int failureThreshold;
    private final Duration coolDown;
    private final Clock clock;

    private int consecutiveFailures;
    private Instant openUntil;
    private boolean trialInFlight;

    /**
     * Creates a closed breaker.
     *
     * @param failureThreshold consecutive failures that trip it, at least 1
     * @param coolDown         how long it stays open before a trial call
     * @param clock            the time source
     */
    public CircuitBreaker(int failureThreshold, Duration coolDown, Clock clock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failure threshold must be at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.coolDown = coolDown;
        this.clock = clock;
    }

    /**
     * Asks whether a call may be made now.
     *
     * @return {@code false} while the breaker is open
     */
    public synchronized boolean tryAcquire() {
        if (openUntil == null) {
            return true;
        }
        if (!trialInFlight && !clock.instant().isBefore(openUntil)) {
            trialInFlight = true; // half-open: exactly one trial call
            return true;
        }
        return false;
    }

    /**
     * Gives back a permission that did not lead to a call the component is accountable for (the host had no
     * thread, or the request was abandoned): a half-open trial may be made again.
     */
    public synchronized void release() {
        trialInFlight = false;
    }

    /** Records a successful call; closes the breaker. */
    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        openUntil = null;
        trialInFlight = false;
    }

    /**
     * Records a failed call.
     *
     * @return {@code true} if this failure tripped (or re-tripped) the breaker
     */
    public synchronized boolean onFailure() {
        consecutiveFailures++;
        boolean trip = trialInFlight || consecutiveFailures >= failureThreshold;
        trialInFlight = false;
        if (trip) {
            openUntil = clock.instant().plus(coolDown);
        }
        return trip;
    }

    /**
     * Whether the breaker is open now.
     *
     * @return {@code true} if calls are being skipped
     */
    public synchronized boolean isOpen() {
        return openUntil != null;
    }
}
