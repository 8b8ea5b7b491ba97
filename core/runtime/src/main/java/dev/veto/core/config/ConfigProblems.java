package dev.veto.core.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigOrigin;
import java.net.URL;
import java.nio.file.Paths;

/** Formats configuration problems as {@code file:line: path: message}, the way compilers do. */
public final class ConfigProblems {

    private ConfigProblems() {
    }

    /**
     * One problem line.
     *
     * @param origin  where the setting was written, may be {@code null}
     * @param path    the setting's path, may be empty
     * @param problem what is wrong
     * @return {@code file:line: path: problem}
     */
    public static String describe(ConfigOrigin origin, String path, String problem) {
        String where = where(origin);
        String prefix = where.isEmpty() ? "" : where + ": ";
        String setting = path == null || path.isEmpty() ? "" : path + ": ";
        return prefix + setting + problem;
    }

    /**
     * One problem line for a Typesafe Config exception, its origin as {@code file:line}.
     *
     * @param e the exception
     * @return the line
     */
    public static String describe(ConfigException e) {
        String message = e.getMessage();
        ConfigOrigin origin = e.origin();
        if (origin != null) {
            // Typesafe Config prefixes its messages with the origin's description; replace it by file:line.
            String description = origin.description();
            if (message.startsWith(description)) {
                message = message.substring(description.length()).replaceFirst("^:\\s*", "");
            }
        }
        return describe(origin, null, message);
    }

    /**
     * Where a setting was written.
     *
     * @param origin the setting's origin, may be {@code null}
     * @return {@code conf/application.conf:12}, or the origin's description when it is not a file
     */
    public static String where(ConfigOrigin origin) {
        if (origin == null) {
            return "";
        }
        String file = origin.filename();
        if (file == null && origin.url() != null) {
            file = fromUrl(origin.url());
        }
        if (file == null) {
            file = origin.resource() != null ? origin.resource() : origin.description();
        }
        return origin.lineNumber() > 0 ? file + ":" + origin.lineNumber() : file;
    }

    private static String fromUrl(URL url) {
        if ("file".equals(url.getProtocol())) {
            try {
                return Paths.get(url.toURI()).toString();
            } catch (Exception e) {
                return url.toString();
            }
        }
        return url.toString();
    }
}
