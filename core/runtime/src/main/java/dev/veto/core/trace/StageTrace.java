package dev.veto.core.trace;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What happened in one stage of the chain.
 *
 * @param stage   the stage's name: {@code normalize}, {@code classify-input}, {@code policy},
 *                {@code retrieve}, {@code generate}, {@code classify-output}, {@code escalate},
 *                {@code respond}
 * @param elapsed the stage's wall-clock time
 * @param calls   the component calls it made, in configuration order
 * @param notes   operator-facing remarks (what the normalizer changed, why a stage was skipped)
 */
public record StageTrace(String stage, Duration elapsed, List<ComponentCall> calls, List<String> notes) {

    /** Validates and copies the components. */
    public StageTrace {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(elapsed, "elapsed");
        calls = calls == null ? List.of() : List.copyOf(calls);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
