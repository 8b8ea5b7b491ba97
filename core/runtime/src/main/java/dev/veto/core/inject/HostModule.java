package dev.veto.core.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;
import com.typesafe.config.Config;
import dev.veto.core.audit.DecisionRecorder;
import dev.veto.core.audit.LogAuditRecorder;
import dev.veto.core.audit.MetricsRecorder;
import dev.veto.core.chain.Guard;
import dev.veto.core.language.LanguageIdentifier;
import dev.veto.core.normalize.TextNormalizer;
import dev.veto.core.plugin.VetoPluginManager;
import dev.veto.core.policy.PolicyEngine;
import dev.veto.core.policy.PolicyGate;
import dev.veto.core.respond.ResponseComposer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;

/**
 * The host's own services. Everything is bound explicitly; the full configuration is bound as
 * {@code @Named("veto") Config} so a plugin's child injector can bind its own subtree as plain {@code Config}.
 */
public final class HostModule extends AbstractModule {

    private final Config config;
    private final VetoPluginManager plugins;
    private final Clock clock;
    private final List<DecisionRecorder> extraRecorders;
    private final MeterRegistry meters;

    /**
     * Creates the module.
     *
     * @param config         the host configuration
     * @param plugins        the plugin manager
     * @param clock          the host clock
     * @param extraRecorders recorders the embedding application added
     * @param meters         the metrics registry
     */
    public HostModule(Config config, VetoPluginManager plugins, Clock clock, List<DecisionRecorder> extraRecorders,
                      MeterRegistry meters) {
        this.config = config;
        this.plugins = plugins;
        this.clock = clock;
        this.extraRecorders = List.copyOf(extraRecorders);
        this.meters = meters;
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        bind(Config.class).annotatedWith(Names.named("veto")).toInstance(config);
        bind(VetoPluginManager.class).toInstance(plugins);
        bind(Clock.class).toInstance(clock);
        bind(TextNormalizer.class).in(Singleton.class);
        bind(LanguageIdentifier.class).in(Singleton.class);
        bind(MeterRegistry.class).toInstance(meters);
        bind(PolicyEngine.class).in(Singleton.class);
        bind(PolicyGate.class).to(PolicyEngine.class);
        bind(ResponseComposer.class).in(Singleton.class);
        bind(Guard.class).in(Singleton.class);
        Multibinder<DecisionRecorder> recorders = Multibinder.newSetBinder(binder(), DecisionRecorder.class);
        bind(LogAuditRecorder.class).in(Singleton.class);
        recorders.addBinding().to(LogAuditRecorder.class);
        bind(MetricsRecorder.class).in(Singleton.class);
        recorders.addBinding().to(MetricsRecorder.class);
        extraRecorders.forEach(recorder -> recorders.addBinding().toInstance(recorder));
    }
}
