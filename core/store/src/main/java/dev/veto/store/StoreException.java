package dev.veto.store;

/** The store's database could not be reached, migrated or written. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, for operators
     * @param cause   the underlying failure
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception.
     *
     * @param message what failed, for operators
     */
    public StoreException(String message) {
        super(message);
    }
}
