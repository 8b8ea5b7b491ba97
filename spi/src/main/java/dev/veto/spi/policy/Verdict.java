package dev.veto.spi.policy;

/**
 * The policy gate's decision about a request, ordered from least to most restrictive.
 */
public enum Verdict {
    /** Answer normally. */
    ALLOW,
    /**
     * Answer under {@link Constraint constraints} (high level only, disclaimer, referral, supervision, premise
     * check).
     */
    CONSTRAIN,
    /** Hold the request for a human to decide; the user is told what happens next. */
    ESCALATE,
    /** Decline, with a reason and a way forward. */
    REFUSE;

    /**
     * Whether the request must not reach the generator as it stands.
     *
     * @return {@code true} for {@link #REFUSE} and {@link #ESCALATE}
     */
    public boolean blocks() {
        return this == REFUSE || this == ESCALATE;
    }

    /**
     * The more restrictive of this verdict and another.
     *
     * @param other the other verdict
     * @return whichever comes later in declaration order
     */
    public Verdict strictest(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
