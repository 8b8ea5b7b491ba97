package dev.veto.core;

/**
 * A request Veto will not judge as given: empty, too large, or malformed. The message says what to change.
 * Nothing is partially processed.
 */
public final class InvalidRequestException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the request
     */
    public InvalidRequestException(String message) {
        super(message);
    }
}
