/**
 * Guice wiring of the host: the host injector's module and the chain's module. Plugins get child injectors
 * of the host injector; see {@link dev.veto.core.plugin.GuiceExtensionFactory}.
 */
package dev.veto.core.inject;
