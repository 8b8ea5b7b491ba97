package dev.veto.spi.escalator;

/** Where an escalated case stands. */
public enum EscalationStatus {
    /** Waiting for a human. */
    PENDING,
    /** A human is working on it. */
    IN_REVIEW,
    /** A human allowed the request, possibly with an edited response. */
    APPROVED,
    /** A human declined the request. */
    DENIED,
    /** Nobody decided in time; the policy's default verdict applied. */
    EXPIRED
}
