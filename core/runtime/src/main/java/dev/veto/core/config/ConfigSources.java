package dev.veto.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a host's configuration comes from.
 *
 * @param home      the installation directory; relative paths in the configuration resolve against it
 * @param file      an explicit configuration file; when empty, {@code <home>/conf/application.conf} is used
 *                  if it exists
 * @param overrides settings that win over every file (from the embedding application or the command line)
 */
public record ConfigSources(Path home, Optional<Path> file, Config overrides) {

    /** Validates the components and makes {@code home} absolute. */
    public ConfigSources {
        home = Objects.requireNonNull(home, "home").toAbsolutePath().normalize();
        file = file == null ? Optional.empty() : file;
        overrides = overrides == null ? ConfigFactory.empty() : overrides;
    }

    /**
     * The sources of an installation with its default configuration file.
     *
     * @param home the installation directory
     * @return the sources
     */
    public static ConfigSources ofHome(Path home) {
        return new ConfigSources(home, Optional.empty(), ConfigFactory.empty());
    }

    /**
     * The configuration file that applies: the explicit one, or the installation's default if present.
     *
     * @return the file, if any
     */
    public Optional<Path> applicationFile() {
        if (file.isPresent()) {
            return file;
        }
        Path conventional = home.resolve("conf").resolve("application.conf");
        return conventional.toFile().isFile() ? Optional.of(conventional) : Optional.empty();
    }
}
