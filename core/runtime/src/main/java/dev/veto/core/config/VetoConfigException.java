package dev.veto.core.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigOrigin;
import java.util.ArrayList;
import java.util.List;

/**
 * A configuration that cannot be used, with every problem named by file, line and setting.
 *
 * <p>Thrown at start-up, before any request is served; the message is meant for the operator who edits
 * the file.
 */
public final class VetoConfigException extends RuntimeException {

    private final List<String> problems;

    /**
     * Creates an exception listing one or more problems.
     *
     * @param problems each a line of the form {@code file:line: path: what is wrong}
     */
    public VetoConfigException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Wraps a Typesafe Config exception, keeping its origin.
     *
     * @param cause the exception Typesafe Config threw
     * @return the wrapped exception
     */
    public static VetoConfigException from(ConfigException cause) {
        VetoConfigException wrapped;
        if (cause instanceof ConfigException.ValidationFailed failed) {
            List<String> problems = new ArrayList<>();
            failed.problems().forEach(p -> problems.add(ConfigProblems.describe(p.origin(), p.path(), p.problem())));
            wrapped = new VetoConfigException(problems);
        } else {
            wrapped = new VetoConfigException(List.of(ConfigProblems.describe(cause)));
        }
        wrapped.initCause(cause);
        return wrapped;
    }

    /**
     * A problem with one setting.
     *
     * @param origin  where the setting was written, may be {@code null}
     * @param path    the setting's path
     * @param problem what is wrong with it
     * @return the exception
     */
    public static VetoConfigException at(ConfigOrigin origin, String path, String problem) {
        return new VetoConfigException(List.of(ConfigProblems.describe(origin, path, problem)));
    }

    /**
     * The problems, one line each.
     *
     * @return the problems
     */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        if (problems.size() == 1) {
            return "invalid configuration: " + problems.get(0);
        }
        return "invalid configuration (" + problems.size() + " problems):\n  " + String.join("\n  ", problems);
    }
}
