package dev.veto.core.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.typesafe.config.Config;
import java.util.List;

/** The bindings of one plugin's child injector: its settings and its extension classes, nothing implicit. */
final class PluginModule extends AbstractModule {

    private final Config settings;
    private final List<Class<?>> extensionClasses;

    PluginModule(Config settings, List<Class<?>> extensionClasses) {
        this.settings = settings;
        this.extensionClasses = extensionClasses;
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        bind(Config.class).toInstance(settings);
        extensionClasses.forEach(this::bindSingleton);
    }

    private <T> void bindSingleton(Class<T> extensionClass) {
        bind(extensionClass).in(Singleton.class);
    }
}
