package dev.veto.spi.policy;

/**
 * A condition a {@link Verdict#CONSTRAIN constrained} answer must meet. Generators steer toward each
 * constraint they receive; output moderation checks the result.
 */
public enum Constraint {
    /** Explain concepts and context only; no operational steps, quantities or code. */
    HIGH_LEVEL_ONLY,
    /** Include a disclaimer stating the limits of the answer. */
    DISCLAIMER,
    /** Point the user to a qualified professional or service. */
    PROFESSIONAL_REFERRAL,
    /** The answer is shown to a human supervisor before or while it reaches the user. */
    SUPERVISED,
    /**
     * Check the question's premise before building on it: correct a false or unproven claim and give the
     * evidence and the main views, rather than confirming a loaded or one-sided question. Since SPI 1.2.
     */
    CHECK_PREMISE
}
