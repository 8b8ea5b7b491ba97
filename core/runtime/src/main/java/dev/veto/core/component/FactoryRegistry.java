package dev.veto.core.component;

import dev.veto.core.VetoStartupException;
import dev.veto.core.plugin.PluginCalls;
import dev.veto.core.plugin.VetoPluginManager;
import dev.veto.spi.ComponentFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Every factory the host can create components from, by kind and name: those the started plugins contribute
 * and those the embedding application registered. Two factories of one kind with the same name are an
 * assembly error that stops start-up with a message naming both sources.
 */
public final class FactoryRegistry {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final Map<ComponentKind<?, ?>, Map<String, RegisteredFactory<?>>> byKind = new LinkedHashMap<>();

    private FactoryRegistry() {
        ComponentKind.ALL.forEach(kind -> byKind.put(kind, new LinkedHashMap<>()));
    }

    /**
     * Collects the factories of every started plugin and of the host.
     *
     * @param plugins       the plugin manager, plugins started and its extension factory attached
     * @param hostFactories factories registered by the embedding application
     * @return the registry
     * @throws VetoStartupException if two sources provide a factory of the same kind and name
     */
    public static FactoryRegistry collect(VetoPluginManager plugins, List<RegisteredFactory<?>> hostFactories) {
        FactoryRegistry registry = new FactoryRegistry();
        List<String> conflicts = new ArrayList<>();
        hostFactories.forEach(factory -> registry.add(factory, conflicts));
        for (PluginWrapper plugin : plugins.getStartedPlugins()) {
            int found = 0;
            for (ComponentKind<?, ?> kind : ComponentKind.ALL) {
                for (RegisteredFactory<?> factory : pluginFactories(plugins, plugin, kind)) {
                    registry.add(factory, conflicts);
                    found++;
                }
            }
            java.util.Set<String> indexedNames = plugins.getExtensionClassNames(plugin.getPluginId());
            for (String name : indexedNames) {
                try {
                    Class.forName(name, false, plugin.getPluginClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    plugins.reportProblem(plugin.getPluginId(), "extension " + name + " is listed in "
                            + "META-INF/extensions.idx but cannot be loaded: " + PluginCalls.describe(e));
                }
            }
            boolean indexed = !indexedNames.isEmpty();
            if (found == 0 && indexed) {
                plugins.reportProblem(plugin.getPluginId(), "provides no usable factory: its indexed extensions "
                        + "could not be created or implement no Veto factory interface (see the problems above)");
            } else if (found == 0 && plugin.getPluginState() == PluginState.STARTED) {
                plugins.reportProblem(plugin.getPluginId(), "provides no factory: is META-INF/extensions.idx "
                        + "missing from the plugin (annotation processing off), or do its @Extension classes "
                        + "implement no Veto factory interface?");
            }
        }
        if (!conflicts.isEmpty()) {
            throw new VetoStartupException(conflicts);
        }
        return registry;
    }

    private static <F extends ComponentFactory<?>> List<RegisteredFactory<F>> pluginFactories(
            VetoPluginManager plugins, PluginWrapper plugin, ComponentKind<?, ?> kind) {
        @SuppressWarnings("unchecked")
        Class<F> type = (Class<F>) kind.factoryType();
        String pluginId = plugin.getPluginId();
        List<RegisteredFactory<F>> result = new ArrayList<>();
        List<Class<? extends F>> classes;
        try {
            classes = plugins.getExtensionClasses(type, pluginId);
        } catch (RuntimeException | LinkageError e) {
            plugins.reportProblem(pluginId, "cannot list its " + kind + " factories: " + e.getMessage());
            return result;
        }
        for (Class<? extends F> extensionClass : classes) {
            try {
                F factory = plugins.getExtensionFactory().create(extensionClass);
                String name = PluginCalls.withLoader(plugin.getPluginClassLoader(), factory::name);
                String description = PluginCalls.withLoader(plugin.getPluginClassLoader(), factory::description);
                if (name == null || !NAME.matcher(name).matches()) {
                    plugins.reportProblem(pluginId, kind + " factory " + extensionClass.getName() + " has the invalid name '"
                            + name + "' (lower-case letters, digits and dashes); it is ignored");
                    continue;
                }
                result.add(new RegisteredFactory<>(kind, name, description, factory, pluginId, plugin.getPluginClassLoader()));
            } catch (RuntimeException | LinkageError e) {
                plugins.reportProblem(pluginId, "cannot create " + kind + " factory " + extensionClass.getName() + ": "
                        + PluginCalls.describe(e));
            }
        }
        return result;
    }

    private void add(RegisteredFactory<?> factory, List<String> conflicts) {
        RegisteredFactory<?> previous = byKind.get(factory.kind()).putIfAbsent(factory.name(), factory);
        if (previous != null) {
            conflicts.add(factory.kind() + " factory '" + factory.name() + "' is provided by both " + source(previous)
                    + " and " + source(factory) + "; remove or disable one of them (veto.plugin-host.disabled)");
        }
    }

    private static String source(RegisteredFactory<?> factory) {
        return RegisteredFactory.HOST.equals(factory.pluginId()) ? "the host" : "plugin '" + factory.pluginId() + "'";
    }

    /**
     * Finds a factory.
     *
     * @param kind the extension point
     * @param name the configured factory name
     * @param <F>  the factory type
     * @return the factory, if registered
     */
    @SuppressWarnings("unchecked")
    public <F extends ComponentFactory<?>> Optional<RegisteredFactory<F>> find(ComponentKind<F, ?> kind, String name) {
        return Optional.ofNullable((RegisteredFactory<F>) byKind.get(kind).get(name));
    }

    /**
     * The factory names of one kind, sorted, for error messages.
     *
     * @param kind the extension point
     * @return the names
     */
    public List<String> names(ComponentKind<?, ?> kind) {
        return byKind.get(kind).keySet().stream().sorted().toList();
    }

    /**
     * Every registered factory, kinds in chain order.
     *
     * @return the factories
     */
    public List<RegisteredFactory<?>> all() {
        return byKind.values().stream().flatMap(m -> m.values().stream()).toList();
    }
}
