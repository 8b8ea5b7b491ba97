package dev.veto.core.component;

import dev.veto.spi.ComponentFactory;
import java.util.Objects;

/**
 * A factory known to the host, with where it came from.
 *
 * @param kind        its extension point
 * @param name        the name operators configure it by
 * @param description its one-line description
 * @param factory     the factory
 * @param pluginId    the plugin that contributed it, or {@code host}
 * @param classLoader the class loader its calls run under (the plugin's)
 * @param <F>         the factory type
 */
public record RegisteredFactory<F extends ComponentFactory<?>>(ComponentKind<?, ?> kind, String name, String description,
                                                             F factory, String pluginId, ClassLoader classLoader) {

    /** The plugin id of factories the embedding application registers itself. */
    public static final String HOST = "host";

    /** Validates the components. */
    public RegisteredFactory {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(classLoader, "classLoader");
    }
}
