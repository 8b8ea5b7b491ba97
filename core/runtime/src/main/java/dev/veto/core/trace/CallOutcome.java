package dev.veto.core.trace;

/** How one call into a component ended. */
public enum CallOutcome {
    /** It returned a valid result in time. */
    OK,
    /** It threw, or returned an invalid result. */
    FAILED,
    /** It did not return before the stage's deadline; the host stopped waiting and interrupted it. */
    TIMED_OUT,
    /** It was not called: it failed too often recently and its circuit breaker is open. */
    TRIPPED,
    /** It was not called: no thread was free to run it. */
    REJECTED,
    /** It was not called: it could not be created at start-up (missing factory, bad settings). */
    UNAVAILABLE,
    /**
     * It answered that the request itself is invalid (a generator's model refused the caller's parameters or
     * conversation): the caller's to fix, not counted against the component's circuit breaker.
     */
    INVALID_REQUEST;

    /**
     * Whether the call produced a usable result.
     *
     * @return {@code true} only for {@link #OK}
     */
    public boolean succeeded() {
        return this == OK;
    }
}
