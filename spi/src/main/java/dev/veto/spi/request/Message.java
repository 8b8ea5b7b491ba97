package dev.veto.spi.request;

import java.util.Objects;

/**
 * One turn of a conversation.
 *
 * @param role    who wrote it
 * @param content the text, possibly empty, never {@code null}; it may hold any UTF-16, including lone
 *                surrogates — the host's normalizer deals with them before classifiers see the text
 */
public record Message(Role role, String content) {

    /**
     * Validates that neither component is {@code null}.
     *
     * @param role    who wrote it
     * @param content the text, possibly empty, never {@code null}; it may hold any UTF-16, including lone
     *              surrogates — the host's normalizer deals with them before classifiers see the text
     */
    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    /**
     * A message written by the end user.
     *
     * @param content the text
     * @return the message
     */
    public static Message user(String content) {
        return new Message(Role.USER, content);
    }

    /**
     * A message written by the model.
     *
     * @param content the text
     * @return the message
     */
    public static Message assistant(String content) {
        return new Message(Role.ASSISTANT, content);
    }

    /**
     * A message from the deploying application.
     *
     * @param content the text
     * @return the message
     */
    public static Message system(String content) {
        return new Message(Role.SYSTEM, content);
    }
}
