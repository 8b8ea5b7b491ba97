package dev.veto.core.chain;

/**
 * Work done against one component instance.
 *
 * @param <C> the component type
 * @param <R> the result type
 */
@FunctionalInterface
interface PluginCall<C, R> {

    /**
     * Calls the component.
     *
     * @param component the instance
     * @return the result
     * @throws Exception whatever the plugin throws
     */
    R apply(C component) throws Exception;
}
