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
    UNAVAILABLE;

    /**
     * Whether the call produced a usable result.
     *
     * @return {@code true} only for {@link #OK}
     */
    public boolean succeeded() {
        return this == OK;
    }
}
