package dev.veto.spi;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the host hands a factory when it creates one configured component instance.
 *
 * <p>The host implements this interface; plugins only call it. New methods arrive as {@code default}
 * methods so that existing plugins keep compiling and linking.
 */
public interface ComponentContext {

    /**
     * The instance name the operator gave this component in configuration, for example {@code lexicon}
     * under {@code veto.classifiers.lexicon}. Signals and traces carry this name.
     *
     * @return the instance name, never blank
     */
    String instanceName();

    /**
     * The id of the plugin that contributed the factory ({@code Plugin-Id}), or {@code host} for a factory
     * the embedding application registered itself.
     *
     * @return the plugin id
     */
    String pluginId();

    /**
     * This instance's settings: the instance's {@code settings} block merged over the plugin's own
     * {@code reference.conf} defaults. Read settings from here only; never call {@code ConfigFactory.load()}.
     *
     * @return the resolved settings subtree, possibly empty
     */
    Config config();

    /**
     * A directory this plugin may read and write (caches, downloaded models). It exists when this method
     * returns and is shared by every instance of the same plugin.
     *
     * @return an absolute path
     */
    Path dataDirectory();

    /**
     * The host's clock; components that need the time use it so tests can fix it.
     *
     * @return the clock
     */
    default Clock clock() {
        return Clock.systemUTC();
    }
}
