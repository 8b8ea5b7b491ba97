package dev.veto.core.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import dev.veto.core.chain.Chain;
import dev.veto.core.component.Components;

/** The chain, built in a child of the host injector once the plugin components exist. */
public final class ChainModule extends AbstractModule {

    private final Components components;

    /**
     * Creates the module.
     *
     * @param components the configured component instances
     */
    public ChainModule(Components components) {
        this.components = components;
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        bind(Components.class).toInstance(components);
        bind(Chain.class).in(Singleton.class);
    }
}
