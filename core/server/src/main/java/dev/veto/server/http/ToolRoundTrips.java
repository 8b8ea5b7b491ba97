package dev.veto.server.http;

import dev.veto.spi.generator.ToolCall;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Role;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The proxy's check that a conversation's tool use is whole before it goes to the model: every call has an id
 * no other call has, and every tool result names a call an earlier assistant message made. A model server
 * refuses a broken round trip anyway (OpenAI: "messages with role 'tool' must be a response to a preceding
 * message with 'tool_calls'"); refusing it here says so without calling the model at all.
 */
final class ToolRoundTrips {

    private ToolRoundTrips() {
    }

    static void check(List<Message> conversation) {
        Set<String> calls = new HashSet<>();
        for (Message message : conversation) {
            for (ToolCall call : message.toolCalls()) {
                if (call.id().isEmpty()) {
                    throw ApiError.badRequest("invalid_tool_call", "each tool call of an assistant message needs its 'id': "
                            + "the tool message with its result names it");
                }
                if (!calls.add(call.id())) {
                    throw ApiError.badRequest("invalid_tool_call", "the tool call id '" + call.id() + "' is used twice");
                }
            }
            if (message.role() == Role.TOOL && !message.toolCallId().isEmpty() && !calls.contains(message.toolCallId())) {
                throw ApiError.badRequest("invalid_tool_call", "a tool message answers '" + message.toolCallId()
                        + "', a call no earlier assistant message made");
            }
        }
    }
}
