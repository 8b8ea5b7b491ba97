package dev.veto.core.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The full record of how a decision was reached.
 *
 * @param requestId the request's id
 * @param startedAt when the host started on the request
 * @param stages    the stages that ran, in order
 * @param total     the time from start to decision
 */
public record Trace(String requestId, Instant startedAt, List<StageTrace> stages, Duration total) {

    /** Validates and copies the components. */
    public Trace {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(startedAt, "startedAt");
        stages = stages == null ? List.of() : List.copyOf(stages);
        Objects.requireNonNull(total, "total");
    }

    /**
     * Finds a stage by name.
     *
     * @param name the stage name
     * @return the stage's trace, if it ran
     */
    public Optional<StageTrace> stage(String name) {
        return stages.stream().filter(s -> s.stage().equals(name)).findFirst();
    }
}
