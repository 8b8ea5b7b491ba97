package dev.veto.core.audit;

import dev.veto.core.Decision;
import dev.veto.core.trace.ComponentCall;
import dev.veto.core.trace.StageTrace;
import dev.veto.spi.request.Request;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Counts every decision in the metrics registry:
 * <ul>
 *   <li>{@code veto.decisions} by {@code verdict}, {@code category} (the first, most severe; {@code none}),
 *       {@code tenant} and {@code locale} (language) — refusal rates by category, locale and tenant;</li>
 *   <li>{@code veto.stage.duration} by {@code stage} — where the time goes;</li>
 *   <li>{@code veto.component.failures} by {@code component} and {@code outcome} (failed, timed_out, tripped,
 *       rejected, unavailable) — plugins that fail or hang.</li>
 * </ul>
 */
public final class MetricsRecorder implements DecisionRecorder {

    private final MeterRegistry meters;

    /**
     * Creates the recorder.
     *
     * @param meters where to count
     */
    @Inject
    public MetricsRecorder(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void record(Request request, Decision decision) {
        Counter.builder("veto.decisions")
                .tag("verdict", decision.verdict().name().toLowerCase(Locale.ROOT))
                .tag("category", decision.categories().isEmpty() ? "none" : decision.categories().get(0))
                .tag("tenant", request.context().tenant())
                .tag("locale", decision.language())
                .register(meters).increment();
        for (StageTrace stage : decision.trace().stages()) {
            Timer.builder("veto.stage.duration").tag("stage", stage.stage()).register(meters).record(stage.elapsed());
            for (ComponentCall call : stage.calls()) {
                if (!call.outcome().succeeded()) {
                    Counter.builder("veto.component.failures").tag("component", call.component())
                            .tag("outcome", call.outcome().name().toLowerCase(Locale.ROOT)).register(meters).increment();
                }
            }
        }
    }
}
