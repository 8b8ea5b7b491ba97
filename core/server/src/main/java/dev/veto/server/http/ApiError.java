package dev.veto.server.http;

/**
 * A request the server answers with an error: an HTTP status and an OpenAI-style JSON body
 * {@code {"error": {"message", "type", "code"}}}, so OpenAI clients report it as they report any API error.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String type;
    private final String code;

    /**
     * Creates the error.
     *
     * @param status  the HTTP status
     * @param type    the error type, e.g. {@code invalid_request_error}
     * @param code    a stable machine-readable code, e.g. {@code malformed_json}
     * @param message what is wrong and what to do, for the developer calling the API
     */
    public ApiError(int status, String type, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
    }

    /**
     * A 400 with type {@code invalid_request_error}.
     *
     * @param code    the code
     * @param message the message
     * @return the error
     */
    public static ApiError badRequest(String code, String message) {
        return new ApiError(400, "invalid_request_error", code, message);
    }

    /** A 503: the decision was made but could not be recorded, so it is not given. */
    static ApiError auditUnavailable() {
        return new ApiError(503, "server_error", "audit_unavailable",
                "the decision could not be recorded in the audit trail, so it is not given; retry shortly");
    }

    /** A 500 for a failure of the server's own; the details are in its log, not in the answer. */
    static ApiError internal() {
        return new ApiError(500, "server_error", "internal_error", "the request could not be handled; see the server log");
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the error type */
    public String type() {
        return type;
    }

    /** @return the error code */
    public String code() {
        return code;
    }
}
