package dev.veto.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veto.core.RequestBuilder;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The turns before a row's prompt, from its optional {@code history} field: an array of
 * {@code {"role": "user"|"assistant"|"system"|"tool", "content": "…"}}, oldest first. The prompt stays the latest user
 * message, so a row with a history is judged as a conversation — the way a chat client sends it — in
 * {@code veto eval} and {@code veto check --input} alike.
 */
public final class RowHistory {

    private RowHistory() {
    }

    /**
     * Reads the turns of a row.
     *
     * @param row a JSON object
     * @return its earlier messages, empty when it has none
     * @throws IllegalArgumentException if {@code history} is not an array of such messages
     */
    public static List<Message> of(JsonNode row) {
        JsonNode history = row.get("history");
        if (history == null || history.isNull()) {
            return List.of();
        }
        if (!history.isArray()) {
            throw new IllegalArgumentException("\"history\" must be an array of {\"role\", \"content\"} messages");
        }
        List<Message> messages = new ArrayList<>(history.size());
        for (JsonNode turn : history) {
            JsonNode role = turn.get("role");
            JsonNode content = turn.get("content");
            if (role == null || !role.isTextual() || content == null || !content.isTextual()) {
                throw new IllegalArgumentException("\"history\"[" + messages.size()
                        + "] must have a string \"role\" and a string \"content\"");
            }
            messages.add(new Message(role(role.asText(), messages.size()), content.asText()));
        }
        return List.copyOf(messages);
    }

    /**
     * Starts a request of a row: its history, then the prompt as the latest user message.
     *
     * @param history the earlier messages
     * @param prompt  the row's prompt
     * @return the request builder
     */
    public static RequestBuilder request(List<Message> history, String prompt) {
        if (history.isEmpty()) {
            return RequestBuilder.text(prompt);
        }
        List<Message> conversation = new ArrayList<>(history);
        conversation.add(Message.user(prompt));
        return RequestBuilder.conversation(conversation);
    }

    private static Role role(String name, int index) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "user" -> Role.USER;
            case "assistant" -> Role.ASSISTANT;
            case "system", "developer" -> Role.SYSTEM;
            case "tool" -> Role.TOOL;
            default -> throw new IllegalArgumentException("\"history\"[" + index + "] has role '" + name
                    + "' (user, assistant, system or tool)");
        };
    }
}
