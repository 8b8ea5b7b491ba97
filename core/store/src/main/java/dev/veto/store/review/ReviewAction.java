package dev.veto.store.review;

import java.util.Locale;

/** What a reviewer does with a claimed case. */
public enum ReviewAction {
    /** Allow the request; the generated or a standard answer stands. */
    APPROVE,
    /** Decline the request. */
    DENY,
    /** Allow it with a response the reviewer wrote. */
    EDIT;

    /**
     * Parses an action as the API and console send it.
     *
     * @param value approve, deny or edit
     * @return the action
     * @throws ReviewException of kind INVALID for anything else
     */
    public static ReviewAction parse(String value) {
        if (value != null) {
            for (ReviewAction action : values()) {
                if (action.name().equalsIgnoreCase(value.strip())) {
                    return action;
                }
            }
        }
        throw new ReviewException(ReviewException.Kind.INVALID, "unknown action '" + value + "'; expected approve, deny or edit");
    }

    /** @return the action's name as the API spells it */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
