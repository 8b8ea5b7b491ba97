package dev.veto.server.console;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code maxFailures} failed logins for one name within {@code window}, that
 * name is refused until the window has passed. Per host; enough to make guessing impractical.
 */
final class LoginThrottle {

    private record Failures(int count, long since) {
    }

    private final int maxFailures;
    private final long windowNanos;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(int maxFailures, Duration window) {
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
    }

    boolean allows(String name) {
        Failures current = failures.get(name);
        if (current == null) {
            return true;
        }
        if (System.nanoTime() - current.since() > windowNanos) {
            failures.remove(name, current);
            return true;
        }
        return current.count() < maxFailures;
    }

    void failed(String name) {
        if (failures.size() > 10_000) {
            failures.clear(); // bounded: a flood of made-up names must not exhaust memory
        }
        long now = System.nanoTime();
        failures.merge(name, new Failures(1, now), (old, one) -> now - old.since() > windowNanos ? one
                : new Failures(old.count() + 1, old.since()));
    }

    void succeeded(String name) {
        failures.remove(name);
    }
}
