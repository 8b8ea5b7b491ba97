package dev.veto.core.chain;

import dev.veto.spi.request.Message;
import dev.veto.spi.request.Request;
import dev.veto.spi.request.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Drops the exchanges Veto refused from a conversation a client sends back: each assistant message that
 * opens with one of the policy's refusal messages, and the user turns it answered. Chat clients resend the
 * whole conversation, so one refused request would otherwise refuse every later question too; and the model
 * never saw that request, so it need not see it now.
 *
 * <p>Recognition by text is safe even when a client forges a refusal: dropping can only take text away from
 * what is judged and what the model reads, never add to it.
 */
final class RefusedExchanges {

    /** A conversation with its refused exchanges dropped. */
    record Pruned(Request request, int dropped) {
    }

    private RefusedExchanges() {
    }

    /**
     * The request without the refused exchanges before its latest user message.
     *
     * @param request  the request as the client sent it
     * @param subject  the message the chain judges (kept in any case, by identity)
     * @param refusals the policy's refusal messages
     * @return the request, the same instance when nothing was dropped
     */
    static Pruned prune(Request request, Message subject, Set<String> refusals) {
        List<Message> conversation = request.conversation();
        List<Message> kept = new ArrayList<>(conversation.size());
        int dropped = 0;
        int exchangeStart = 0; // in kept: where the user turns the next assistant message answers begin
        for (int i = 0; i < conversation.size(); i++) {
            Message message = conversation.get(i);
            if (message == subject) { // by identity: an earlier turn may hold the same words
                kept.addAll(conversation.subList(i, conversation.size()));
                break;
            }
            // a refusal of Veto's calls no tools: one that does is not Veto's, and dropping it would orphan its results
            if (message.role() == Role.ASSISTANT && message.toolCalls().isEmpty() && isRefusal(message.content(), refusals)) {
                kept.subList(exchangeStart, kept.size()).removeIf(turn -> turn.role() == Role.USER);
                dropped++;
            } else {
                kept.add(message);
            }
            if (message.role() == Role.ASSISTANT) {
                exchangeStart = kept.size();
            }
        }
        return dropped == 0 ? new Pruned(request, 0)
                : new Pruned(new Request(request.id(), kept, request.modality(), request.locale(), request.context()), dropped);
    }

    private static boolean isRefusal(String content, Set<String> refusals) {
        String text = content.strip();
        for (String refusal : refusals) {
            if (text.startsWith(refusal)) {
                return true;
            }
        }
        return false;
    }
}
