package dev.veto.core.policy;

import dev.veto.spi.signal.Signal;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices signals whose category the active policy's taxonomy does not list. Such a signal is still judged, by
 * the policy's default thresholds — plugins may extend the taxonomy — but an operator who upgraded a plugin
 * and not the policy should hear of it: start-up checks only the categories a classifier declares, and a
 * reloaded policy may drop one. Counted per classifier ({@code veto.policy.unknown.categories}) and logged once
 * per classifier, category and policy version, up to {@value #MAX_WARNINGS} warnings, so that a plugin
 * inventing categories cannot flood the log or grow the memory.
 */
final class UnknownCategories {

    private static final Logger log = LoggerFactory.getLogger(UnknownCategories.class);
    static final int MAX_WARNINGS = 100;

    private final MeterRegistry meters;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    UnknownCategories(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Counts and, the first time, reports every signal outside {@code policy}'s taxonomy. */
    void check(PolicyBundle policy, List<Signal> signals) {
        Set<String> taxonomy = policy.taxonomy();
        for (Signal signal : signals) {
            if (!taxonomy.contains(signal.category())) {
                meters.counter("veto.policy.unknown.categories", "classifier", signal.classifier()).increment();
                warnOnce(policy.version(), signal);
            }
        }
    }

    private void warnOnce(String version, Signal signal) {
        if (warned.size() >= MAX_WARNINGS || !warned.add(version + '\n' + signal.classifier() + '\n' + signal.category())) {
            return;
        }
        log.warn("Classifier {} reported category '{}', which policy {} does not list in its taxonomy: it is judged "
                        + "by the policy's default thresholds until policy.conf gives it its own{}", signal.classifier(),
                printable(signal.category()), version, warned.size() == MAX_WARNINGS ? " (no more such warnings until restart)" : "");
    }

    /** A plugin's string as a log line may show it: no control characters (no forged lines), at most 64 chars. */
    private static String printable(String category) {
        String shown = category.length() > 64 ? category.substring(0, 64) + "…" : category;
        return shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
