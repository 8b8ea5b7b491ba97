package dev.veto.core.trace;

import dev.veto.spi.signal.Signal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One call into a plugin component during a request.
 *
 * @param component   the configured instance name
 * @param plugin      the id of the plugin that provides it, or {@code host}
 * @param outcome     how the call ended
 * @param elapsed     how long the host waited for it
 * @param signals     the signals it returned (classifiers only), attributed to {@code component}
 * @param error       what went wrong, empty when the call succeeded
 * @param failureMode the failure behaviour configured for this component in this stage
 */
public record ComponentCall(String component, String plugin, CallOutcome outcome, Duration elapsed,
                            List<Signal> signals, String error, FailureMode failureMode) {

    /** Validates and copies the components. */
    public ComponentCall {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(elapsed, "elapsed");
        signals = signals == null ? List.of() : List.copyOf(signals);
        error = error == null ? "" : error;
        Objects.requireNonNull(failureMode, "failureMode");
    }

    /**
     * Whether this call failed in a way that must count against the request.
     *
     * @return {@code true} if it did not succeed and its failure mode is fail-closed
     */
    public boolean failedClosed() {
        return !outcome.succeeded() && failureMode == FailureMode.FAIL_CLOSED;
    }
}
