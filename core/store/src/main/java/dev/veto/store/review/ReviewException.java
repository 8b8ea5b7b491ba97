package dev.veto.store.review;

/** A review action that cannot be done, with why in words a reviewer understands. */
public final class ReviewException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the action was refused; the HTTP API maps each to a status. */
    public enum Kind {
        /** No such case (or not one of the reviewer's tenants): 404. */
        NOT_FOUND,
        /** Someone else holds the case, or it was already decided: 409. */
        CONFLICT,
        /** The reviewer's claim lapsed before the decision: 409. */
        LEASE_EXPIRED,
        /** The action itself is malformed: 400. */
        INVALID
    }

    private final Kind kind;

    /**
     * Creates the exception.
     *
     * @param kind    why
     * @param message what happened
     */
    public ReviewException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** @return why the action was refused */
    public Kind kind() {
        return kind;
    }
}
