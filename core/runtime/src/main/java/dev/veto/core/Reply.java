package dev.veto.core;

import java.util.List;
import java.util.Objects;

/**
 * What the end user is told when Veto steps in: a message that says what it cannot help with and why in
 * plain words — never the harmful details — and alternatives that offer a way forward.
 *
 * @param message      the user-facing message, localized; empty when there is nothing to say
 * @param alternatives safe things the user can do instead: a related question Veto can help with, a
 *                     resource, a professional to contact
 */
public record Reply(String message, List<String> alternatives) {

    /** The empty reply of a plain allow. */
    public static final Reply NONE = new Reply("", List.of());

    /** Validates and copies the components. */
    public Reply {
        Objects.requireNonNull(message, "message");
        alternatives = List.copyOf(alternatives);
    }
}
