package dev.veto.core.audit;

import dev.veto.core.Decision;
import dev.veto.core.privacy.RedactedRequest;
import dev.veto.core.trace.ComponentCall;
import dev.veto.core.trace.StageTrace;
import dev.veto.spi.request.Request;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts every decision in the metrics registry:
 * <ul>
 *   <li>{@code veto.decisions} by {@code verdict}, {@code category} (the first, most severe; {@code none}),
 *       {@code tenant} and {@code locale} (language) — refusal rates by category, locale and tenant (the first
 *       {@value #MAX_TENANTS} tenants seen by name, any further as {@code _other} — a name no tenant can have:
 *       without API keys the caller names the tenant, and every new name would be a new time series; a
 *       restart frees the slots, and the cap may be overshot by a few under concurrent first sightings);</li>
 *   <li>{@code veto.stage.duration} by {@code stage} — where the time goes;</li>
 *   <li>{@code veto.component.failures} by {@code component} and {@code outcome} (failed, timed_out, tripped,
 *       rejected, unavailable) — plugins that fail or hang.</li>
 * </ul>
 */
public final class MetricsRecorder implements DecisionRecorder {

    /** Tenants counted under their own name; beyond them, {@link #OTHER_TENANTS}. */
    public static final int MAX_TENANTS = 500;

    /** The tag of tenants beyond the cap: the leading underscore is outside the tenant name pattern. */
    public static final String OTHER_TENANTS = "_other";

    private final MeterRegistry meters;
    // the registry finds a meter again from its name and tags, which costs more than the count itself:
    // the meters are kept here by their tag values
    private final Map<DecisionTags, Counter> decisions = new ConcurrentHashMap<>();
    private final Map<String, Timer> stages = new ConcurrentHashMap<>();
    private final Set<String> tenants = ConcurrentHashMap.newKeySet();

    private record DecisionTags(String verdict, String category, String tenant, String locale) {
    }

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
    public void record(RedactedRequest redacted, Decision decision) {
        Request request = redacted.request();
        DecisionTags tags = new DecisionTags(decision.verdict().name().toLowerCase(Locale.ROOT),
                decision.categories().isEmpty() ? "none" : decision.categories().get(0),
                tenantTag(request.context().tenant()), decision.language());
        decisions.computeIfAbsent(tags, t -> Counter.builder("veto.decisions")
                .tag("verdict", t.verdict()).tag("category", t.category()).tag("tenant", t.tenant())
                .tag("locale", t.locale()).register(meters)).increment();
        for (StageTrace stage : decision.trace().stages()) {
            stages.computeIfAbsent(stage.stage(), name -> Timer.builder("veto.stage.duration").tag("stage", name)
                    .register(meters)).record(stage.elapsed());
            for (ComponentCall call : stage.calls()) {
                if (!call.outcome().succeeded()) {
                    Counter.builder("veto.component.failures").tag("component", call.component())
                            .tag("outcome", call.outcome().name().toLowerCase(Locale.ROOT)).register(meters).increment();
                }
            }
        }
    }

    private String tenantTag(String tenant) {
        if (tenants.size() < MAX_TENANTS) {
            tenants.add(tenant);
        }
        return tenants.contains(tenant) ? tenant : OTHER_TENANTS;
    }
}
