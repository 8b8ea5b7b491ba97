package dev.veto.core.plugin;

import java.util.List;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin class loader that shares only an allowlist of API packages with the host.
 *
 * <p>PF4J's own loader falls back to the application class loader for everything, so a plugin could link
 * against the host's Guice, Jackson or ICU and break on the next host upgrade. Here the parent is the
 * platform class loader (the JDK); the SPI, Typesafe Config, SLF4J, {@code jakarta.inject} and PF4J's
 * annotations come from the host so that plugin and host agree on their types (the "class loaded twice"
 * pitfall); every other class comes from the plugin itself, then from its plugin dependencies.
 */
final class IsolatingPluginClassLoader extends PluginClassLoader {

    /** Package prefixes resolved by the host, so plugin and host share one copy of each type. */
    static final List<String> HOST_PACKAGES = List.of(
            "dev.veto.spi.",
            "com.typesafe.config.",
            "org.slf4j.",
            "jakarta.inject.",
            "org.pf4j.");

    private final ClassLoader host;

    IsolatingPluginClassLoader(PluginManager pluginManager, PluginDescriptor descriptor, ClassLoader host) {
        super(pluginManager, descriptor, ClassLoader.getPlatformClassLoader(), ClassLoadingStrategy.PDA);
        this.host = host;
    }

    static boolean isHostPackage(String className) {
        for (String prefix : HOST_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** PF4J's extension index: this plugin's own, never one inherited from a dependency. */
    private static final String EXTENSION_INDEX = "META-INF/extensions.idx";

    @Override
    public java.net.URL getResource(String name) {
        return EXTENSION_INDEX.equals(name) ? findResource(name) : super.getResource(name);
    }

    @Override
    public java.util.Enumeration<java.net.URL> getResources(String name) throws java.io.IOException {
        return EXTENSION_INDEX.equals(name) ? findResources(name) : super.getResources(name);
    }

    @Override
    public Class<?> loadClass(String className) throws ClassNotFoundException {
        if (isHostPackage(className)) {
            return host.loadClass(className);
        }
        // The plugin's own classes first, then its plugin dependencies, then the JDK (the parent).
        return super.loadClass(className);
    }
}
