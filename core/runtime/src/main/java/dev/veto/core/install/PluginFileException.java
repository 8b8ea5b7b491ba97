package dev.veto.core.install;

import java.nio.file.Path;

/** A plugin file that cannot be read, installed or trusted; the message says which file and why. */
public final class PluginFileException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param file    the plugin file
     * @param problem what is wrong with it
     */
    public PluginFileException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param file    the plugin file
     * @param problem what is wrong with it
     * @param cause   the underlying failure
     */
    public PluginFileException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem, cause);
    }
}
