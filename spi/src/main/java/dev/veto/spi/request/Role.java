package dev.veto.spi.request;

/** Who wrote a {@link Message} in a conversation. */
public enum Role {
    /** Instructions from the deploying application. */
    SYSTEM,
    /** The end user. */
    USER,
    /** The model. */
    ASSISTANT,
    /** The result of a tool or function call. */
    TOOL
}
