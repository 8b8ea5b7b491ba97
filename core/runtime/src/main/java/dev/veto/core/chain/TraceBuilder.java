package dev.veto.core.chain;

import dev.veto.core.trace.ComponentCall;
import dev.veto.core.trace.StageTrace;
import dev.veto.core.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Collects the stages of one request as they finish. Not thread-safe: one per request. */
final class TraceBuilder {

    private final String requestId;
    private final Instant startedAt;
    private final long startNanos;
    private final List<StageTrace> stages = new ArrayList<>(8);
    private long stageStart;

    TraceBuilder(String requestId, Instant startedAt) {
        this.requestId = requestId;
        this.startedAt = startedAt;
        this.startNanos = System.nanoTime();
        this.stageStart = startNanos;
    }

    /** Closes the current stage: its time runs from the end of the previous one. */
    void stage(String name, List<ComponentCall> calls, List<String> notes) {
        long now = System.nanoTime();
        stages.add(new StageTrace(name, Duration.ofNanos(now - stageStart), calls, notes));
        stageStart = now;
    }

    void stage(String name, String note) {
        stage(name, List.of(), note == null ? List.of() : List.of(note));
    }

    Trace build() {
        return new Trace(requestId, startedAt, stages, Duration.ofNanos(System.nanoTime() - startNanos));
    }
}
