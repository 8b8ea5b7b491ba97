package dev.veto.core.trace;

/** What a failed component call means for the decision. */
public enum FailureMode {
    /** The failure counts against the request: the policy's failure verdict applies. The default. */
    FAIL_CLOSED,
    /** The failure is recorded and the stage goes on without the component. */
    FAIL_OPEN;

    /**
     * Parses the configuration spelling, {@code fail-closed} or {@code fail-open}.
     *
     * @param value the configured value
     * @return the mode
     * @throws IllegalArgumentException for any other value
     */
    public static FailureMode parse(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "fail-closed" -> FAIL_CLOSED;
            case "fail-open" -> FAIL_OPEN;
            default -> throw new IllegalArgumentException("expected fail-closed or fail-open, got '" + value + "'");
        };
    }

    /**
     * The configuration spelling.
     *
     * @return {@code fail-closed} or {@code fail-open}
     */
    public String spelling() {
        return this == FAIL_CLOSED ? "fail-closed" : "fail-open";
    }
}
