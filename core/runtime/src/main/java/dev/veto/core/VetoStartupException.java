package dev.veto.core;

import java.util.List;

/**
 * The host cannot start as assembled: for example two plugins provide a factory of the same name. Each
 * problem is one line naming what to change. Configuration errors are reported as
 * {@link dev.veto.core.config.VetoConfigException} instead.
 */
public final class VetoStartupException extends RuntimeException {

    private final List<String> problems;

    /**
     * Creates an exception listing the problems.
     *
     * @param problems one line each
     */
    public VetoStartupException(List<String> problems) {
        super(problems.size() == 1 ? "cannot start: " + problems.get(0)
                : "cannot start (" + problems.size() + " problems):\n  " + String.join("\n  ", problems));
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
}
