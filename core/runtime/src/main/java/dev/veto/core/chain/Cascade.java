package dev.veto.core.chain;

import com.typesafe.config.Config;
import dev.veto.core.config.VetoConfigException;
import dev.veto.spi.signal.Signal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The input cascade ({@code veto.chain.input.cascade}): the classifiers named in {@code second-tier} — the
 * costly ones, a neural model or a remote judge — run only after the others, and only when the cheap tier's
 * signals leave the question open. Everything else about them (deadline, failure behaviour) is the input
 * stage's.
 *
 * @param secondTier   instance names of the second tier
 * @param when         when the second tier runs
 * @param decidedScore a first-tier signal at or above this score decides without the second tier
 * @param uncertainLow with {@link When#UNCERTAIN}: the lower edge of the band in which a signal is unsure
 */
record Cascade(Set<String> secondTier, When when, double decidedScore, double uncertainLow) {

    /** When the second tier runs. */
    enum When {
        /** Always, beside the first tier: no cascade. */
        ALWAYS,
        /** Unless a first-tier signal already reached {@code decided-score}: saves the cost on clear cases. */
        UNLESS_DECIDED,
        /** Only if a first-tier signal lies in [{@code uncertain-low}, {@code decided-score}). */
        UNCERTAIN
    }

    static Cascade read(Config config, Set<String> classifiers) {
        String path = "veto.chain.input.cascade";
        Config cascade = config.getConfig(path);
        Set<String> secondTier = Set.copyOf(cascade.getStringList("second-tier"));
        for (String name : secondTier) {
            if (!classifiers.contains(name)) {
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
        return new Cascade(secondTier, mode, decided, low);
    }

    /**
     * Whether the second tier runs after the first tier reported these signals, and why.
     *
     * @param firstTier the first tier's signals
     * @return empty to run it, or the reason it is skipped (for the trace)
     */
    Optional<String> skipReason(List<Signal> firstTier) {
        Optional<Signal> strongest = firstTier.stream().max((a, b) -> Double.compare(a.score(), b.score()));
        return switch (when) {
            case ALWAYS -> Optional.empty();
            case UNLESS_DECIDED -> strongest.filter(s -> s.score() >= decidedScore).map(s -> "decided by " + describe(s));
            case UNCERTAIN -> firstTier.stream().anyMatch(s -> s.score() >= uncertainLow && s.score() < decidedScore)
                    ? Optional.empty()
                    : Optional.of(strongest.map(s -> "no unsure signal (strongest " + describe(s) + ")").orElse("no signal"));
        };
    }

    private static String describe(Signal signal) {
        return String.format(Locale.ROOT, "%s %.2f from %s", signal.category(), signal.score(), signal.classifier());
    }
}
