package dev.veto.testkit;

/**
 * What an implementation claims beyond the contract every component keeps. A contract test checks a
 * claim only when it is made, so claim exactly what the component does: a claim that does not hold fails.
 */
public enum Capability {

    /** The same input always gives the same output (no randomness, no remote model that may vary). */
    DETERMINISTIC,

    /**
     * A call blocked on I/O or a model ends promptly when its thread is interrupted, as the host does when
     * a deadline passes. The contract needs a way to make a call block: see the {@code blockingInput}
     * hooks.
     */
    INTERRUPTIBLE,

    /** A generator delivers its text in more than one delta while streaming (true streaming, not one burst). */
    STREAMS_INCREMENTALLY,

    /** An escalator answers {@link dev.veto.spi.escalator.Escalator#outcome(String)} for the cases it opened. */
    OUTCOME_LOOKUP
}
