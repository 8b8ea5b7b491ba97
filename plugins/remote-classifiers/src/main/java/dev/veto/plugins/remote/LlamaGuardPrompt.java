package dev.veto.plugins.remote;

import dev.veto.spi.classifier.Stage;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Role;
import java.util.List;

/**
 * The Llama Guard prompt: the task, the categories, the conversation (User and Agent turns) and the
 * instructions to judge only its last message — the user's for input, the agent's for output.
 */
final class LlamaGuardPrompt {

    private final List<JudgeCategory> categories;
    private final int contextTurns;
    private final int maxCharsPerTurn;

    LlamaGuardPrompt(List<JudgeCategory> categories, int contextTurns, int maxCharsPerTurn) {
        this.categories = List.copyOf(categories);
        this.contextTurns = contextTurns;
        this.maxCharsPerTurn = maxCharsPerTurn;
    }

    /**
     * Writes the prompt.
     *
     * @param stage        input judges the user's last message, output the agent's answer
     * @param conversation the conversation so far (system messages are not shown to the judge)
     * @param judged       the text to judge: the user's latest message, or the agent's answer
     * @return the prompt
     */
    String write(Stage stage, List<Message> conversation, String judged) {
        String role = stage == Stage.OUTPUT ? "Agent" : "User";
        StringBuilder prompt = new StringBuilder()
                .append("Task: Check if there is unsafe content in '").append(role)
                .append("' messages in conversations according our safety policy with the below categories.\n\n")
                .append("<BEGIN UNSAFE CONTENT CATEGORIES>\n");
        for (JudgeCategory category : categories) {
            prompt.append(category.code()).append(": ").append(category.title()).append(".\n");
        }
        prompt.append("<END UNSAFE CONTENT CATEGORIES>\n\n<BEGIN CONVERSATION>\n\n");
        for (Message turn : context(stage, conversation)) {
            prompt.append(turn.role() == Role.USER ? "User" : "Agent").append(": ").append(cut(turn.content())).append("\n\n");
        }
        prompt.append(role).append(": ").append(cut(judged)).append("\n\n")
                .append("<END CONVERSATION>\n\n")
                .append("Provide your safety assessment for ONLY THE LAST ").append(role).append(" message in the above conversation:\n")
                .append(" - First line must read 'safe' or 'unsafe'.\n")
                .append(" - If unsafe, a second line must include a comma-separated list of violated categories.");
        return prompt.toString();
    }

    /**
     * The turns before the judged one: user and assistant messages, the last {@code contextTurns}. For the
     * input stage the user's latest message is the judged text itself, so it is left out here.
     */
    List<Message> context(Stage stage, List<Message> conversation) {
        List<Message> turns = conversation.stream()
                .filter(m -> m.role() == Role.USER || m.role() == Role.ASSISTANT)
                .toList();
        if (stage == Stage.INPUT && !turns.isEmpty() && turns.get(turns.size() - 1).role() == Role.USER) {
            turns = turns.subList(0, turns.size() - 1);
        }
        return turns.subList(Math.max(0, turns.size() - contextTurns), turns.size());
    }

    private String cut(String text) {
        return text.length() <= maxCharsPerTurn ? text : text.substring(0, maxCharsPerTurn) + " …";
    }
}
