package dev.veto.core.plugin;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs plugin code with the plugin's class loader as the thread's context class loader, as libraries inside
 * plugins (ServiceLoader users, JAXB, ONNX runtimes) expect; and describes what a plugin threw without
 * trusting it (a cause chain may loop, {@code getMessage} may throw).
 */
public final class PluginCalls {

    private static final int MAX_CAUSES = 16;

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
     * A one-line description of a plugin failure: the innermost cause's type and message. Cause chains are
     * followed at most 16 deep and never around a loop.
     *
     * @param failure what the plugin threw
     * @return the description
     */
    public static String describe(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable root = failure;
        for (int depth = 0; depth < MAX_CAUSES; depth++) {
            seen.put(root, Boolean.TRUE);
            Throwable cause = safeCause(root);
            if (cause == null || seen.containsKey(cause)) {
                break;
            }
            root = cause;
        }
        String type = root.getClass().getSimpleName();
        String message = safeMessage(root);
        return message == null || message.isBlank() ? type : type + ": " + firstLine(message);
    }

    /**
     * What a plugin's exception itself says — its first line, at most 300 characters — without trusting it.
     *
     * @param failure what the plugin threw
     * @return its message, or its type's name when it has none
     */
    public static String message(Throwable failure) {
        String message = safeMessage(failure);
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : firstLine(message);
    }

    private static Throwable safeCause(Throwable t) {
        try {
            return t.getCause();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String safeMessage(Throwable t) {
        try {
            return t.getMessage();
        } catch (RuntimeException e) {
            return "(its message could not be read: " + e.getClass().getSimpleName() + ")";
        }
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
