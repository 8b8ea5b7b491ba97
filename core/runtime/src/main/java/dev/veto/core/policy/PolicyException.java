package dev.veto.core.policy;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigOrigin;
import dev.veto.core.config.ConfigProblems;
import java.util.List;

/**
 * A policy that cannot be used, with every problem named by file and line. At start-up it stops the host;
 * on a hot reload the previous policy stays active.
 */
public final class PolicyException extends RuntimeException {

    private final List<String> problems;

    /**
     * Creates the exception.
     *
     * @param problems one {@code file:line: path: problem} line each
     */
    public PolicyException(List<String> problems) {
        super(problems.size() == 1 ? "invalid policy: " + problems.get(0)
                : "invalid policy (" + problems.size() + " problems):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * The problems, one line each.
     *
     * @return the problems
     */
    public List<String> problems() {
        return problems;
    }

    static String describe(ConfigException e) {
        return ConfigProblems.describe(e);
    }

    static String at(ConfigOrigin origin, String path, String problem) {
        return ConfigProblems.describe(origin, path, problem);
    }
}
