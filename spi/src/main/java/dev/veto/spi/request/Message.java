package dev.veto.spi.request;

import dev.veto.spi.generator.ToolCall;
import java.util.List;
import java.util.Objects;

/**
 * One turn of a conversation.
 *
 * <p>Tool use takes two kinds of turn: an assistant message that asks for tools ({@link #toolCalls()}), and a
 * tool message per call with its result ({@link #toolCallId()} names the call). A generator that speaks a
 * wire format with tool calls sends both back to the model as they were; classifiers read {@link #content()}.
 *
 * @param role       who wrote it
 * @param content    the text, possibly empty, never {@code null}; it may hold any UTF-16, including lone
 *                   surrogates — the host's normalizer deals with them before classifiers see the text
 * @param toolCalls  the tools an assistant message asked for, in order; empty for every other message (since 1.3)
 * @param toolCallId for a tool message, the id of the call it answers, possibly empty (a model that gives
 *                   calls no ids); empty for every other message (since 1.3)
 */
public record Message(Role role, String content, List<ToolCall> toolCalls, String toolCallId) {

    /**
     * Validates the components: no {@code null} role or content; tool calls only on an assistant message, a
     * call id only on a tool message.
     *
     * @param role       who wrote it
     * @param content    the text, possibly empty, never {@code null}
     * @param toolCalls  the tools an assistant message asked for; {@code null} for none
     * @param toolCallId for a tool message, the id of the call it answers; {@code null} for none
     */
    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        toolCallId = toolCallId == null ? "" : toolCallId;
        if (!toolCalls.isEmpty() && role != Role.ASSISTANT) {
            throw new IllegalArgumentException("only an assistant message asks for tools (this one's role: " + role + ")");
        }
        if (!toolCallId.isEmpty() && role != Role.TOOL) {
            throw new IllegalArgumentException("only a tool message answers a tool call (this one's role: " + role + ")");
        }
    }

    /**
     * A message without tool use.
     *
     * @param role    who wrote it
     * @param content the text, possibly empty, never {@code null}
     */
    public Message(Role role, String content) {
        this(role, content, List.of(), "");
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
     * A message written by the model that asks for tools.
     *
     * @param content   the text beside the calls, possibly empty
     * @param toolCalls the calls, in order
     * @return the message
     * @since 1.3
     */
    public static Message assistant(String content, List<ToolCall> toolCalls) {
        return new Message(Role.ASSISTANT, content, toolCalls, "");
    }

    /**
     * The result of a tool call, as the caller ran it.
     *
     * @param toolCallId the id of the call it answers, possibly empty
     * @param content    the result
     * @return the message
     * @since 1.3
     */
    public static Message toolResult(String toolCallId, String content) {
        return new Message(Role.TOOL, content, List.of(), toolCallId);
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
