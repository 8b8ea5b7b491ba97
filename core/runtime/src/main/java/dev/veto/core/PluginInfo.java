package dev.veto.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the host knows about one plugin file: its descriptor, its state, the factories it contributes and
 * any problem met loading it.
 *
 * @param id          the {@code Plugin-Id}, or the file name when no descriptor could be read
 * @param version     the {@code Plugin-Version}, or empty
 * @param description the {@code Plugin-Description}, or empty
 * @param provider    the {@code Plugin-Provider}, or empty
 * @param requires    the {@code Plugin-Requires} SPI range, or empty
 * @param file        the plugin file in the plugins folder
 * @param sha256      the file's SHA-256 as checked at start-up (lowercase hex), or empty if unreadable
 * @param state       {@code STARTED}, {@code DISABLED}, {@code FAILED}, {@code RESOLVED}, {@code INCOMPATIBLE}
 *                    (built for another SPI), {@code REFUSED} (its digest is not trusted) or {@code INVALID}
 *                    (no plugin could be read from the file)
 * @param factories   the factories it contributes, as {@code kind:name}, e.g. {@code classifier:keyword}
 * @param problems    what went wrong, one line each; empty when all is well
 */
public record PluginInfo(String id, String version, String description, String provider, String requires, Path file, String sha256,
                         String state, List<String> factories, List<String> problems) {

    /** Validates and copies the components. */
    public PluginInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(state, "state");
        version = Objects.requireNonNullElse(version, "");
        description = Objects.requireNonNullElse(description, "");
        provider = Objects.requireNonNullElse(provider, "");
        requires = Objects.requireNonNullElse(requires, "");
        sha256 = Objects.requireNonNullElse(sha256, "");
        factories = List.copyOf(factories);
        problems = List.copyOf(problems);
    }
}
