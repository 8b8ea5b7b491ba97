package dev.veto.core.plugin;

import java.util.function.Supplier;

/**
 * Runs plugin code with the plugin's class loader as the thread's context class loader, as libraries inside
 * plugins (ServiceLoader users, JAXB, ONNX runtimes) expect.
 */
public final class PluginCalls {

    private PluginCalls() {
    }

    /**
     * Calls {@code action} with {@code loader} as context class loader, restoring the previous one after.
     *
     * @param loader the plugin's class loader
     * @param action the plugin call
     * @param <T>    the result type
     * @return the call's result
     */
    public static <T> T withLoader(ClassLoader loader, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * A one-line description of a plugin failure: the innermost cause's type and message.
     *
     * @param failure what the plugin threw
     * @return the description
     */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String type = root.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + firstLine(message);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
