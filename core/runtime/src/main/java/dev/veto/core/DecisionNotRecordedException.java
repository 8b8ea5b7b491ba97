package dev.veto.core;

/**
 * A decision was made but the audit trail could not record it, so it is not acknowledged: the caller should
 * retry later (the HTTP API answers 503 with Retry-After). No response is given that the audit trail lacks.
 */
public final class DecisionNotRecordedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param requestId the request whose decision was not recorded
     * @param cause     why the recorder failed
     */
    public DecisionNotRecordedException(String requestId, Throwable cause) {
        super("the decision on request " + requestId + " could not be recorded in the audit trail: " + cause.getMessage(), cause);
    }
}
