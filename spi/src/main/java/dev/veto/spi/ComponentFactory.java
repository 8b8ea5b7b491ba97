package dev.veto.spi;

/**
 * The shape every extension point shares: a named factory that creates configured component instances.
 *
 * <p>The host discovers factories in plugins, picks one by the {@link #name()} an operator writes in
 * configuration, and calls {@link #create(ComponentContext)} once per configured instance. A factory is
 * created once per plugin and must be stateless or thread-safe; the components it creates are closed by
 * the host when it shuts down.
 *
 * @param <T> the component type this factory creates
 */
public interface ComponentFactory<T extends AutoCloseable> {

    /**
     * The name operators use in configuration, for example {@code keyword}. Lower-case letters, digits
     * and dashes; unique among all factories of the same extension point across all loaded plugins.
     *
     * @return the factory name
     */
    String name();

    /**
     * A one-line, human-readable description shown by {@code veto plugins}.
     *
     * @return the description, empty by default
     */
    default String description() {
        return "";
    }

    /**
     * Creates a component from its configuration. Fail here — with a message naming the offending
     * setting — rather than on the first request: the host reports the error at start-up.
     *
     * @param context the instance's name, settings and environment
     * @return a ready component
     * @throws RuntimeException if the settings are invalid or a resource cannot be loaded
     */
    T create(ComponentContext context);
}
