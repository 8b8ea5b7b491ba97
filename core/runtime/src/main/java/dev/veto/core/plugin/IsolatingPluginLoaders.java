package dev.veto.core.plugin;

import java.nio.file.Path;
import org.pf4j.BasePluginLoader;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginClasspath;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;

/** PF4J plugin loaders for jar and (expanded) zip plugins that use {@link IsolatingPluginClassLoader}. */
final class IsolatingPluginLoaders {

    private IsolatingPluginLoaders() {
    }

    static PluginLoader create(PluginManager pluginManager) {
        ClassLoader host = IsolatingPluginLoaders.class.getClassLoader();
        return new CompoundPluginLoader()
                .add(new JarLoader(pluginManager, host))
                .add(new DirectoryLoader(pluginManager, host));
    }

    /** A plugin that is a single jar, its descriptor in the jar's manifest. */
    private static final class JarLoader implements PluginLoader {
        private final PluginManager pluginManager;
        private final ClassLoader host;

        JarLoader(PluginManager pluginManager, ClassLoader host) {
            this.pluginManager = pluginManager;
            this.host = host;
        }

        @Override
        public boolean isApplicable(Path pluginPath) {
            return PluginFolder.isJar(pluginPath);
        }

        @Override
        public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
            PluginClassLoader loader = new IsolatingPluginClassLoader(pluginManager, descriptor, host);
            loader.addFile(pluginPath.toFile());
            return loader;
        }
    }

    /** An expanded zip plugin: {@code classes/} and {@code lib/*.jar}. */
    private static final class DirectoryLoader extends BasePluginLoader {
        private final ClassLoader host;

        DirectoryLoader(PluginManager pluginManager, ClassLoader host) {
            super(pluginManager, new DefaultPluginClasspath());
            this.host = host;
        }

        @Override
        public boolean isApplicable(Path pluginPath) {
            return pluginPath.toFile().isDirectory();
        }

        @Override
        protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
            return new IsolatingPluginClassLoader(pluginManager, descriptor, host);
        }
    }
}
