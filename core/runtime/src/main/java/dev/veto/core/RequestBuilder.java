package dev.veto.core;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Modality;
import dev.veto.spi.request.Request;
import dev.veto.spi.request.RequestContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds a {@link Request} for the embedded API: the conversation, what it is, in which locale, and who is
 * asking. Obtain one from {@link Veto#request(String)} or {@link #conversation(List)}.
 */
public final class RequestBuilder {

    private static final TimeBasedEpochGenerator REQUEST_IDS =
            Generators.timeBasedEpochGenerator(ThreadLocalRandom.current());

    private final List<Message> conversation;
    private String id;
    private Modality modality = Modality.TEXT;
    private Locale locale = Locale.ROOT;
    private final RequestContext.Builder context = RequestContext.builder();
    private final Map<String, String> attributes = new HashMap<>();

    private RequestBuilder(List<Message> conversation) {
        this.conversation = new ArrayList<>(conversation);
    }

    /**
     * Starts a request whose conversation is a single user message.
     *
     * @param userText the user's text
     * @return the builder
     */
    public static RequestBuilder text(String userText) {
        return new RequestBuilder(List.of(Message.user(Objects.requireNonNull(userText, "userText"))));
    }

    /**
     * Starts a request with a whole conversation.
     *
     * @param messages the messages, oldest first
     * @return the builder
     */
    public static RequestBuilder conversation(List<Message> messages) {
        return new RequestBuilder(messages);
    }

    /**
     * Sets the request id; by default a time-ordered UUID (version 7).
     *
     * @param value the id
     * @return this builder
     */
    public RequestBuilder id(String value) {
        this.id = value;
        return this;
    }

    /**
     * Sets the modality; {@link Modality#TEXT} by default.
     *
     * @param value the modality
     * @return this builder
     */
    public RequestBuilder modality(Modality value) {
        this.modality = Objects.requireNonNull(value, "modality");
        return this;
    }

    /**
     * Sets the user's locale from a BCP 47 tag such as {@code de-CH}.
     *
     * @param languageTag the tag; blank means unknown
     * @return this builder
     */
    public RequestBuilder locale(String languageTag) {
        this.locale = languageTag == null || languageTag.isBlank() ? Locale.ROOT : Locale.forLanguageTag(languageTag.strip());
        return this;
    }

    /**
     * Sets the tenant.
     *
     * @param value the tenant
     * @return this builder
     */
    public RequestBuilder tenant(String value) {
        context.tenant(value);
        return this;
    }

    /**
     * Sets the end user's id.
     *
     * @param value the user id
     * @return this builder
     */
    public RequestBuilder userId(String value) {
        context.userId(value);
        return this;
    }

    /**
     * Sets the end user's role.
     *
     * @param value the role
     * @return this builder
     */
    public RequestBuilder userRole(String value) {
        context.userRole(value);
        return this;
    }

    /**
     * Sets the jurisdiction.
     *
     * @param value the jurisdiction
     * @return this builder
     */
    public RequestBuilder jurisdiction(String value) {
        context.jurisdiction(value);
        return this;
    }

    /**
     * Sets the channel.
     *
     * @param value the channel, e.g. {@code ide}
     * @return this builder
     */
    public RequestBuilder channel(String value) {
        context.channel(value);
        return this;
    }

    /**
     * Sets the declared purpose.
     *
     * @param value the purpose
     * @return this builder
     */
    public RequestBuilder purpose(String value) {
        context.purpose(value);
        return this;
    }

    /**
     * Adds a free attribute of the context.
     *
     * @param key   the attribute name
     * @param value its value
     * @return this builder
     */
    public RequestBuilder attribute(String key, String value) {
        attributes.put(key, value);
        return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public Request build() {
        return new Request(id == null ? randomId() : id, conversation, modality, locale,
                context.attributes(attributes).build());
    }

    /**
     * A version-7 UUID: unique and time-ordered, so that the audit trail's index on request ids grows at its end
     * instead of taking each new id on a random page (at thousands of decisions a second, random pages meant
     * a commit wrote a page per row). Request ids must be unique, not unguessable; the random bits come from
     * {@link ThreadLocalRandom}, not the one shared {@code SecureRandom} that request threads would queue for.
     */
    private static String randomId() {
        return REQUEST_IDS.generate().toString();
    }
}
