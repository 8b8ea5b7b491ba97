package dev.veto.store.review;

import java.time.Duration;
import java.util.Map;

/**
 * The queue at a glance, for the console's dashboard and the metrics.
 *
 * @param byStatus          cases per status
 * @param oldestPending     the age of the oldest case waiting for a human, zero if none
 * @param meanResolution    the mean time from opening to a human decision, over the resolved cases
 * @param resolvedByHumans  how many cases humans decided
 */
public record Backlog(Map<String, Long> byStatus, Duration oldestPending, Duration meanResolution, long resolvedByHumans) {

    /** Copies the components. */
    public Backlog {
        byStatus = Map.copyOf(byStatus);
    }
}
