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
 * Builds PF4J extensions with Guice: one child injector per plugin, created from the host injector on
 * first use, with explicit bindings only — the plugin's own settings ({@link Config}, its
 * {@code veto.plugins.<id>} subtree) and its extension classes, each a singleton. Extensions may take the
 * plugin's {@code Config} in an {@code @jakarta.inject.Inject} constructor or have a no-argument one.
 *
 * <p>PF4J creates the extension factory inside its constructor, before the host injector exists; the host
 * {@linkplain #attach attaches} the injector later, before it asks for any extension.
 */
public final class GuiceExtensionFactory implements ExtensionFactory {

    private final PluginManager pluginManager;
    private final Map<String, Injector> injectors = new ConcurrentHashMap<>();
    private volatile Injector hostInjector;
    private volatile Function<String, Config> pluginSettings;

    GuiceExtensionFactory(PluginManager pluginManager) {
        this.pluginManager = pluginManager;
    }

    /**
     * Connects the factory to the host.
     *
     * @param injector       the host injector, parent of every plugin's injector
     * @param pluginSettings each plugin's settings subtree by plugin id
     */
    public void attach(Injector injector, Function<String, Config> pluginSettings) {
        this.hostInjector = Objects.requireNonNull(injector, "injector");
        this.pluginSettings = Objects.requireNonNull(pluginSettings, "pluginSettings");
    }

    @Override
    public <T> T create(Class<T> extensionClass) {
        Injector host = hostInjector;
        if (host == null) {
            throw new IllegalStateException("extension " + extensionClass.getName() + " requested before the host injector was attached");
        }
        PluginWrapper plugin = pluginManager.whichPlugin(extensionClass);
        if (plugin == null) {
            throw new IllegalStateException(extensionClass.getName() + " does not belong to a loaded plugin; "
                    + "Veto loads extensions from plugins only, never from the host class path");
        }
        Injector injector = injectors.computeIfAbsent(plugin.getPluginId(), id -> host.createChildInjector(
                new PluginModule(pluginSettings.apply(id), extensionClasses(plugin))));
        return injector.getInstance(extensionClass);
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
