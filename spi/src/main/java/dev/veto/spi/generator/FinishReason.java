package dev.veto.spi.generator;

/** Why a generation ended. */
public enum FinishReason {
    /** The model finished its answer or hit a stop sequence. */
    STOP,
    /** The token limit was reached. */
    LENGTH,
    /** The model asks for tool calls instead of (or after) text. */
    TOOL_CALLS,
    /** The consumer stopped the stream (for example because output moderation found a violation). */
    CANCELLED
}
