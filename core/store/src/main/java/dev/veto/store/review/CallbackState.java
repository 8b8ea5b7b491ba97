package dev.veto.store.review;

/** Where a case's outcome callback stands. */
enum CallbackState {
    /** No callback: none asked for, or the case is not settled yet. */
    NONE,
    /** Settled; the callback waits for its (next) attempt. */
    PENDING,
    /** Delivered: the client's endpoint answered 2xx. */
    DELIVERED,
    /** Given up after the configured attempts (a dead letter, kept in the case's history). */
    FAILED
}
