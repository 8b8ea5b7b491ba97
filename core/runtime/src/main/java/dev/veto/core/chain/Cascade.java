package dev.veto.core.chain;

import com.typesafe.config.Config;
import dev.veto.core.config.VetoConfigException;
import dev.veto.spi.signal.Signal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The input cascade ({@code veto.chain.input.cascade}): the classifiers named in {@code second-tier} — the
 * costly ones, a neural model or a remote judge — run only after the others, and only when the cheap tier's
 * signals leave the question open. Everything else about them (deadline, failure behaviour) is the input
 * stage's. A named classifier that is disabled ({@code enabled = false}) is left out with a warning, so switching
 * the costly one off needs no second edit; a name defined nowhere is a configuration error.
 *
 * @param secondTier   instance names of the second tier
 * @param when         when the second tier runs
 * @param decidedScore with {@link When#UNCERTAIN}: the upper edge of the unsure band
 * @param uncertainLow with {@link When#UNCERTAIN}: the lower edge of the band in which a signal is unsure
 */
record Cascade(Set<String> secondTier, When when, double decidedScore, double uncertainLow) {

    private static final Logger log = LoggerFactory.getLogger(Cascade.class);

    /** When the second tier runs. */
    enum When {
        /** Always, beside the first tier: no cascade. */
        ALWAYS,
        /** Unless the policy already blocks on the first tier's signals: saves the cost on clear cases. */
        UNLESS_DECIDED,
        /** Only if a first-tier signal lies in [{@code uncertain-low}, {@code decided-score}). */
        UNCERTAIN
    }

    static Cascade read(Config config, Set<String> classifiers) {
        String path = "veto.chain.input.cascade";
        Config cascade = config.getConfig(path);
        Set<String> secondTier = new HashSet<>();
        Set<String> defined = config.getObject("veto.classifiers").keySet();
        for (String name : cascade.getStringList("second-tier")) {
            if (classifiers.contains(name)) {
                secondTier.add(name);
            } else if (defined.contains(name)) {
                // Switching a costly classifier off (-D veto.classifiers.semantic.enabled=false) must not also
                // require editing the cascade: the first tier then decides alone, which the log says.
                log.warn("{}.second-tier names '{}', which is disabled: the input cascade runs without it", path, name);
            } else {
                throw VetoConfigException.at(cascade.getValue("second-tier").origin(), path + ".second-tier",
                        "'" + name + "' is not a configured classifier (configured: " + classifiers + ")");
            }
        }
        String when = cascade.getString("run-when");
        When mode;
        try {
            mode = When.valueOf(when.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw VetoConfigException.at(cascade.getValue("run-when").origin(), path + ".run-when",
                    "must be always, unless-decided or uncertain, was '" + when + "'");
        }
        double decided = cascade.getDouble("decided-score");
        double low = cascade.getDouble("uncertain-low");
        if (!(low >= 0 && low < decided && decided <= 1)) {
            throw VetoConfigException.at(cascade.getValue("decided-score").origin(), path,
                    "needs 0 <= uncertain-low < decided-score <= 1, was " + low + " and " + decided);
        }
        return new Cascade(Set.copyOf(secondTier), mode, decided, low);
    }

    /**
     * Whether the second tier runs after the first tier, and why not. "Decided" means the policy already
     * blocks on the first tier's signals alone — not merely that some signal is strong: a strong signal of a
     * category the policy only constrains (a card number) must not spare a jailbreak the second tier.
     *
     * @param firstTier     the first tier's signals
     * @param blockingRule  the rule by which the policy blocks on them, or empty if it does not block
     * @return empty to run it, or the reason it is skipped (for the trace)
     */
    Optional<String> skipReason(List<Signal> firstTier, Optional<String> blockingRule) {
        if (when == When.ALWAYS) {
            return Optional.empty();
        }
        if (blockingRule.isPresent()) {
            return Optional.of("decided by " + blockingRule.get());
        }
        if (when == When.UNCERTAIN && firstTier.stream().noneMatch(s -> s.score() >= uncertainLow && s.score() < decidedScore)) {
            Optional<Signal> strongest = firstTier.stream().max((a, b) -> Double.compare(a.score(), b.score()));
            return Optional.of(strongest.map(s -> "no unsure signal (strongest " + describe(s) + ")").orElse("no signal"));
        }
        return Optional.empty();
    }

    private static String describe(Signal signal) {
        return String.format(Locale.ROOT, "%s %.2f from %s", signal.category(), signal.score(), signal.classifier());
    }
}
