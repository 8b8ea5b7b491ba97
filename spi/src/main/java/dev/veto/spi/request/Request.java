package dev.veto.spi.request;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to be checked: a conversation, what kind of content it is, in which locale, in which context.
 *
 * @param id           an id unique per request, chosen by the host; it ties traces, audit records and
 *                     escalation cases together
 * @param conversation the messages, oldest first; at least one
 * @param modality     the kind of content
 * @param locale       the user's locale as the caller declared it; {@link Locale#ROOT} when unknown
 * @param context      who is asking, where and why
 */
public record Request(String id, List<Message> conversation, Modality modality, Locale locale, RequestContext context) {

    /**
     * Validates the components and copies the conversation.
     *
     * @param id           an id unique per request, chosen by the host; it ties traces, audit records and
     *              escalation cases together
     * @param conversation the messages, oldest first; at least one
     * @param modality     the kind of content
     * @param locale       the user's locale as the caller declared it; {@link Locale#ROOT} when unknown
     * @param context      who is asking, where and why
     */
    public Request {
        Objects.requireNonNull(id, "id");
        conversation = List.copyOf(Objects.requireNonNull(conversation, "conversation"));
        if (conversation.isEmpty()) {
            throw new IllegalArgumentException("a request needs at least one message");
        }
        modality = modality == null ? Modality.TEXT : modality;
        locale = locale == null ? Locale.ROOT : locale;
        context = context == null ? RequestContext.ANONYMOUS : context;
    }

    /**
     * The most recent message written by the user, which is what input classifiers judge first.
     *
     * @return the latest user message, or empty if the conversation has none
     */
    public Optional<Message> latestUserMessage() {
        for (int i = conversation.size() - 1; i >= 0; i--) {
            if (conversation.get(i).role() == Role.USER) {
                return Optional.of(conversation.get(i));
            }
        }
        return Optional.empty();
    }
}
