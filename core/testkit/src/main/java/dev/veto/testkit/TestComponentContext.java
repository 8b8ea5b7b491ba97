package dev.veto.testkit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import dev.veto.spi.ComponentContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Clock;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The {@link ComponentContext} a test hands a factory, built the way the host builds it: the instance's
 * settings merged over the plugin's own {@code reference.conf} (looked up beside the factory class, never
 * another jar's), a private data directory and a clock.
 *
 * @param instanceName  the instance name signals carry
 * @param pluginId      the plugin id
 * @param config        the merged, resolved settings
 * @param dataDirectory a writable directory
 * @param clock         the clock
 */
public record TestComponentContext(String instanceName, String pluginId, Config config, Path dataDirectory, Clock clock)
        implements ComponentContext {

    /**
     * Validates the components.
     *
     * @param instanceName  the instance name signals carry
     * @param pluginId      the plugin id
     * @param config        the merged, resolved settings
     * @param dataDirectory a writable directory
     * @param clock         the clock
     */
    public TestComponentContext {
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * A context for a factory with the given instance settings over the plugin's defaults.
     *
     * @param factoryClass  the factory's class: its plugin's {@code reference.conf} is read from the same
     *                      classes folder or jar
     * @param settings      the instance's {@code settings} block
     * @param dataDirectory a writable directory
     * @return the context, instance name {@code contract}, plugin id {@code contract-test}, UTC clock
     */
    public static TestComponentContext of(Class<?> factoryClass, Config settings, Path dataDirectory) {
        Config merged = settings.withFallback(pluginDefaults(factoryClass)).resolve();
        return new TestComponentContext("contract", "contract-test", merged, dataDirectory, Clock.systemUTC());
    }

    /**
     * The {@code reference.conf} in the classes folder or jar that holds a class, as the host reads a
     * plugin's defaults from the plugin itself.
     *
     * @param pluginClass a class of the plugin
     * @return the defaults, unresolved; empty when the plugin has none
     */
    public static Config pluginDefaults(Class<?> pluginClass) {
        CodeSource source = pluginClass.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return ConfigFactory.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            URL reference;
            if (Files.isDirectory(location)) {
                Path file = location.resolve("reference.conf");
                if (!Files.isRegularFile(file)) {
                    return ConfigFactory.empty();
                }
                reference = file.toUri().toURL();
            } else {
                reference = new URL("jar:" + location.toUri() + "!/reference.conf");
            }
            return ConfigFactory.parseURL(reference, ConfigParseOptions.defaults().setAllowMissing(true));
        } catch (URISyntaxException | MalformedURLException e) {
            throw new IllegalStateException("cannot locate the plugin classes of " + pluginClass.getName(), e);
        }
    }

    /**
     * A fresh temporary data directory, deleted with whatever the plugin wrote into it when the JVM exits
     * (test runs would otherwise leave one behind per context).
     *
     * @return the directory
     */
    static Path temporaryDataDirectory() {
        try {
            Path directory = Files.createTempDirectory("veto-contract-");
            TemporaryDirectories.INSTANCE.add(directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data directories of this JVM's contexts, deleted by one shutdown hook. */
    private enum TemporaryDirectories {
        INSTANCE;

        private final Set<Path> directories = ConcurrentHashMap.newKeySet();

        TemporaryDirectories() {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> directories.forEach(TestComponentContext::deleteTree),
                    "veto-testkit-cleanup"));
        }

        void add(Path directory) {
            directories.add(directory);
        }
    }

    private static void deleteTree(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at exit: a file still held open stays behind, as it would have before
        }
    }
}
