package dev.veto.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigUtil;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the host's configuration from its layers, highest precedence first:
 * <ol>
 *   <li>programmatic overrides (embedding application, command line);</li>
 *   <li>JVM system properties ({@code -Dveto.chain.input.deadline=500ms});</li>
 *   <li>environment overrides ({@code CONFIG_FORCE_veto_chain_input_deadline=500ms});</li>
 *   <li>the application file ({@code conf/application.conf} or {@code --config FILE});</li>
 *   <li>each plugin's {@code reference.conf}, placed under {@code veto.plugins.<plugin-id>};</li>
 *   <li>the host's own {@code reference.conf} files, which hold every default.</li>
 * </ol>
 * The result is resolved and validated against the references: a wrong type or an unknown setting in a
 * fixed section fails with the file and line that wrote it. Run with {@code -Dconfig.trace=loads} to see
 * every file Typesafe Config reads.
 */
public final class ConfigLoader {

    private static final String REFERENCE = "reference.conf";

    private ConfigLoader() {
    }

    /**
     * Loads the configuration without any plugin's defaults — enough to find the plugins.
     *
     * @param sources where the configuration comes from
     * @return the resolved configuration
     * @throws VetoConfigException if a file is missing, malformed or has a wrong setting
     */
    public static Config loadHostOnly(ConfigSources sources) {
        return load(sources, Map.of());
    }

    /**
     * Loads the whole configuration, with each plugin's defaults under {@code veto.plugins.<id>}.
     *
     * @param sources          where the configuration comes from
     * @param pluginReferences each loaded plugin's {@code reference.conf}, by plugin id
     * @return the resolved, validated configuration
     * @throws VetoConfigException if a file is missing, malformed or has a wrong setting
     */
    public static Config load(ConfigSources sources, Map<String, Config> pluginReferences) {
        try {
            Config reference = reference(pluginReferences);
            Config application = sources.applicationFile().map(ConfigLoader::parseFile).orElse(ConfigFactory.empty());
            Config home = ConfigFactory.parseMap(Map.of("veto.home", sources.home().toString()), "installation directory");
            Config merged = sources.overrides()
                    .withFallback(ConfigFactory.systemProperties())
                    .withFallback(ConfigFactory.systemEnvironmentOverrides())
                    .withFallback(home)
                    .withFallback(application)
                    .withFallback(reference)
                    .resolve(ConfigResolveOptions.defaults());
            merged.checkValid(reference.resolve(), "veto");
            StrictSections.check(merged, reference);
            TypedSettings.check(merged, reference);
            return merged;
        } catch (ConfigException e) {
            throw VetoConfigException.from(e);
        }
    }

    /**
     * Reads one plugin's {@code reference.conf} as found by its class loader.
     *
     * @param pluginId the plugin's id
     * @param resource the plugin's own {@code reference.conf}, or {@code null} if it has none
     * @return the plugin's defaults, rooted at the plugin's subtree (not yet under {@code veto.plugins})
     * @throws VetoConfigException if the file is malformed
     */
    public static Config parsePluginReference(String pluginId, java.net.URL resource) {
        if (resource == null) {
            return ConfigFactory.empty("plugin " + pluginId + " has no reference.conf");
        }
        try {
            // resolved here, on its own: substitutions in a plugin's defaults refer to the plugin's own settings,
            // and a broken one is reported as that plugin's problem rather than stopping the host
            return ConfigFactory.parseURL(resource, ConfigParseOptions.defaults().setAllowMissing(false)).resolve();
        } catch (ConfigException e) {
            throw VetoConfigException.from(e);
        }
    }

    /**
     * The settings path of a plugin's subtree.
     *
     * @param pluginId the plugin's id
     * @return {@code veto.plugins."<id>"}, quoted as needed
     */
    public static String pluginPath(String pluginId) {
        return ConfigUtil.joinPath("veto", "plugins", pluginId);
    }

    private static Config reference(Map<String, Config> pluginReferences) {
        Config reference = ConfigFactory.parseResources(ConfigLoader.class.getClassLoader(), REFERENCE,
                ConfigParseOptions.defaults().setAllowMissing(false));
        for (Map.Entry<String, Config> plugin : pluginReferences.entrySet()) {
            Config rooted = plugin.getValue().root().atPath(pluginPath(plugin.getKey()));
            reference = reference.withFallback(rooted);
        }
        return reference;
    }

    private static Config parseFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new VetoConfigException(java.util.List.of(file + ": configuration file not found"));
        }
        return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    }
}
