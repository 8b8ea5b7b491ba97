package dev.veto.core.policy;

import dev.veto.spi.policy.Constraint;
import dev.veto.spi.policy.Verdict;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The score thresholds of one category: a signal at or above a threshold earns that verdict; the strictest
 * earned verdict wins. An absent threshold ({@code off} in configuration) never fires.
 *
 * @param constrain   the threshold for {@link Verdict#CONSTRAIN}
 * @param escalate    the threshold for {@link Verdict#ESCALATE}
 * @param refuse      the threshold for {@link Verdict#REFUSE}
 * @param constraints what a constrained answer in this category must respect
 */
record Thresholds(OptionalDouble constrain, OptionalDouble escalate, OptionalDouble refuse, Set<Constraint> constraints) {

    /**
     * The strictest verdict a score earns.
     *
     * @param score the signal's score
     * @return the verdict, {@link Verdict#ALLOW} if no threshold is reached
     */
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

    /**
     * The threshold of a verdict.
     *
     * @param verdict a verdict other than allow
     * @return its threshold, if set
     */
    OptionalDouble threshold(Verdict verdict) {
        return switch (verdict) {
            case REFUSE -> refuse;
            case ESCALATE -> escalate;
            case CONSTRAIN -> constrain;
            case ALLOW -> OptionalDouble.empty();
        };
    }

    private static boolean reaches(OptionalDouble threshold, double score) {
        return threshold.isPresent() && score >= threshold.getAsDouble();
    }
}
