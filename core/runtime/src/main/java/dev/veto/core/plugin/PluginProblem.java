package dev.veto.core.plugin;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A plugin file the host could not use, or a plugin that loaded with a defect, and why.
 *
 * @param pluginId the plugin's id if its descriptor could be read, else the file name
 * @param file     the plugin file in the plugins folder
 * @param message  what went wrong, for the operator
 */
public record PluginProblem(String pluginId, Path file, String message) {

    /** Validates the components. */
    public PluginProblem {
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return pluginId + " (" + file.getFileName() + "): " + message;
    }
}
