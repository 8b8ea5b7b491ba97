package dev.veto.spi.generator;

import java.io.IOException;

/**
 * Thrown by a {@link Generator} when the model refuses the request itself as invalid — a parameter it does not
 * take, a model it does not serve, a conversation too long or malformed (an OpenAI-compatible server's 400,
 * 404, 413 or 422). The caller's to fix, not a failure of the generator: the host answers the caller with a
 * client error carrying this message, and does not count the call against the generator's circuit breaker,
 * so one client's bad requests cannot take the model away from the others.
 *
 * <p>The message should say what the model objected to, without credentials; the host passes it on.
 *
 * @since 1.3
 */
public class RequestRejectedException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * A rejection.
     *
     * @param message what the model objected to
     */
    public RequestRejectedException(String message) {
        super(message);
    }
}
