package dev.veto.core.policy;

import dev.veto.spi.policy.Constraint;
import dev.veto.spi.policy.Verdict;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The score thresholds of one category: a signal at or above a threshold earns that verdict; the strictest
 * earned verdict wins. An absent threshold ({@code off} in a policy) never fires.
 *
 * @param constrain   the threshold for {@link Verdict#CONSTRAIN}
 * @param escalate    the threshold for {@link Verdict#ESCALATE}
 * @param refuse      the threshold for {@link Verdict#REFUSE}
 * @param constraints what a constrained answer in this category must respect
 */
record Thresholds(OptionalDouble constrain, OptionalDouble escalate, OptionalDouble refuse, Set<Constraint> constraints) {

    /** The lowest threshold a preset can move a threshold to, so that no preset refuses everything. */
    static final double FLOOR = 0.05;

    Verdict verdictFor(double score) {
        if (reaches(refuse, score)) {
            return Verdict.REFUSE;
        }
        if (reaches(escalate, score)) {
            return Verdict.ESCALATE;
        }
        if (reaches(constrain, score)) {
            return Verdict.CONSTRAIN;
        }
        return Verdict.ALLOW;
    }

    OptionalDouble threshold(Verdict verdict) {
        return switch (verdict) {
            case REFUSE -> refuse;
            case ESCALATE -> escalate;
            case CONSTRAIN -> constrain;
            case ALLOW -> OptionalDouble.empty();
        };
    }

    /** The lowest active threshold: a score below it earns nothing. 1.01 when every threshold is off. */
    double lowest() {
        return Math.min(constrain.orElse(1.01), Math.min(escalate.orElse(1.01), refuse.orElse(1.01)));
    }

    /** Every active threshold moved by {@code offset} (a sensitivity preset), kept within [0.05, 1]. */
    Thresholds shifted(double offset) {
        if (offset == 0) {
            return this;
        }
        return new Thresholds(shift(constrain, offset), shift(escalate, offset), shift(refuse, offset), constraints);
    }

    private static OptionalDouble shift(OptionalDouble threshold, double offset) {
        return threshold.isEmpty() ? threshold
                : OptionalDouble.of(Math.max(FLOOR, Math.min(1.0, threshold.getAsDouble() + offset)));
    }

    private static boolean reaches(OptionalDouble threshold, double score) {
        return threshold.isPresent() && score >= threshold.getAsDouble();
    }
}
