package dev.veto.core.plugin;

import com.google.inject.Injector;
import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * Builds PF4J extensions with Guice: one child injector per plugin, with explicit bindings only — the
 * plugin's own settings ({@link Config}, its {@code veto.plugins.<id>} subtree) and its extension classes,
 * each a lazily created singleton. Extensions may take the plugin's {@code Config} in an
 * {@code @jakarta.inject.Inject} constructor or have a no-argument one.
 *
 * <p>The plugins' injectors are children of a plugin-facing parent injector, not of the host's: a child
 * injector sees every binding of its parent, and a plugin must not be able to inject the host's
 * configuration (with every other plugin's settings) or its services. What the host offers to all plugins
 * goes into that parent.
 *
 * <p>PF4J creates the extension factory inside its constructor, before any injector exists; the host
 * {@linkplain #attach attaches} the parent injector later, before it asks for any extension.
 */
public final class GuiceExtensionFactory implements ExtensionFactory {

    private final PluginManager pluginManager;
    /** Per plugin: its injector, or the exception creating it failed with (not retried). */
    private final Map<String, Object> injectors = new ConcurrentHashMap<>();
    private volatile Injector parentInjector;
    private volatile Function<String, Config> pluginSettings;

    GuiceExtensionFactory(PluginManager pluginManager) {
        this.pluginManager = pluginManager;
    }

    /**
     * Connects the factory to the host.
     *
     * @param injector       the plugin-facing injector, parent of every plugin's injector
     * @param pluginSettings each plugin's settings subtree by plugin id
     */
    public void attach(Injector injector, Function<String, Config> pluginSettings) {
        this.parentInjector = Objects.requireNonNull(injector, "injector");
        this.pluginSettings = Objects.requireNonNull(pluginSettings, "pluginSettings");
    }

    @Override
    public <T> T create(Class<T> extensionClass) {
        Injector parent = parentInjector;
        if (parent == null) {
            throw new IllegalStateException("extension " + extensionClass.getName() + " requested before the plugin injector was attached");
        }
        PluginWrapper plugin = pluginManager.whichPlugin(extensionClass);
        if (plugin == null) {
            throw new IllegalStateException(extensionClass.getName() + " does not belong to a loaded plugin; "
                    + "Veto loads extensions from plugins only, never from the host class path");
        }
        Object injector = injectors.computeIfAbsent(plugin.getPluginId(), id -> {
            try {
                return parent.createChildInjector(new PluginModule(pluginSettings.apply(id), extensionClasses(plugin)));
            } catch (RuntimeException e) {
                return e;
            }
        });
        if (injector instanceof RuntimeException failure) {
            throw failure;
        }
        return ((Injector) injector).getInstance(extensionClass);
    }

    private List<Class<?>> extensionClasses(PluginWrapper plugin) {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : pluginManager.getExtensionClassNames(plugin.getPluginId())) {
            try {
                classes.add(plugin.getPluginClassLoader().loadClass(name));
            } catch (ClassNotFoundException | LinkageError e) {
                // The finder reports the same class as missing; it simply gets no binding here.
            }
        }
        return classes;
    }
}
