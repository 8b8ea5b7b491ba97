package dev.veto.core.privacy;

import com.typesafe.config.Config;
import dev.veto.core.chain.Chain;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Request;
import dev.veto.spi.signal.Signal;
import dev.veto.spi.signal.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Masks personal data and secrets in a request before anything keeps it: the spans that classifiers
 * reported under a masked category ({@code veto.privacy.mask-categories}: privacy, sensitive-data) are
 * replaced by {@code [category]}. Only the judged message was classified, so earlier turns are withheld;
 * and when no classifier that can find personal data judged the text (none configured, or it failed), the
 * text is withheld as well — never kept unmasked by accident. Tenants listed in
 * {@code veto.privacy.raw-text-tenants} keep raw text.
 */
public final class Redactor {

    /** What replaces an earlier turn, which no classifier looked at. */
    static final String TURN_WITHHELD = "[earlier turn withheld: not checked for personal data]";
    /** What replaces a text no personal-data classifier judged. */
    static final String TEXT_WITHHELD = "[text withheld: no personal-data classifier judged it]";

    private final Set<String> maskCategories;
    private final Set<String> rawTextTenants;

    /**
     * Creates the redactor.
     *
     * @param maskCategories the categories whose spans are masked
     * @param rawTextTenants the tenants whose text is kept raw
     */
    public Redactor(Set<String> maskCategories, Set<String> rawTextTenants) {
        this.maskCategories = Set.copyOf(maskCategories);
        this.rawTextTenants = Set.copyOf(rawTextTenants);
    }

    /**
     * Reads {@code veto.privacy}.
     *
     * @param config the host configuration
     * @return the redactor
     */
    public static Redactor from(Config config) {
        return new Redactor(Set.copyOf(config.getStringList("veto.privacy.mask-categories")),
                Set.copyOf(config.getStringList("veto.privacy.raw-text-tenants")));
    }

    /** @return the categories whose spans are masked */
    public Set<String> maskCategories() {
        return maskCategories;
    }

    /**
     * Redacts a request.
     *
     * @param request      the request as received
     * @param inputSignals the input classifiers' signals, spans into the judged message's original text
     * @param maskersRan   whether a classifier declaring a masked category judged the text successfully
     * @return the request as it may be kept
     */
    public RedactedRequest redact(Request request, List<Signal> inputSignals, boolean maskersRan) {
        if (rawTextTenants.contains(request.context().tenant())) {
            return RedactedRequest.raw(request);
        }
        Message subject = Chain.subject(request);
        String kept = maskersRan ? mask(subject.content(), inputSignals) : TEXT_WITHHELD;
        List<Message> conversation = new ArrayList<>(request.conversation().size());
        for (Message message : request.conversation()) {
            // the subject is found by identity: an earlier turn may hold the same words
            conversation.add(message == subject ? new Message(message.role(), kept) : new Message(message.role(), TURN_WITHHELD));
        }
        Request redacted = new Request(request.id(), conversation, request.modality(), request.locale(), request.context());
        return new RedactedRequest(redacted, maskersRan ? TextHandling.MASKED : TextHandling.WITHHELD);
    }

    /**
     * A context value (channel, role, purpose, jurisdiction) as it may be kept. These are meant to be short
     * identifiers ({@code chat}, {@code nurse}); a value that does not look like one — an e-mail address, a
     * phone or card number someone put there — was never classified, so it is withheld.
     *
     * @param value the value from the request context
     * @return the value, or {@code [withheld]}
     */
    public static String contextValue(String value) {
        if (value == null) {
            return "";
        }
        int digits = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isDigit(value.charAt(i))) {
                digits++;
            }
        }
        return IDENTIFIER.matcher(value).matches() && digits < 6 ? value : "[withheld]";
    }

    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9._:/-]{0,63}");

    /**
     * Masks the spans of masked categories in a text.
     *
     * @param text    the original text the spans point into
     * @param signals signals; those of other categories are ignored
     * @return the text with every masked span replaced by {@code [category]}
     */
    public String mask(String text, List<Signal> signals) {
        record Masked(int start, int end, String category) {
        }
        List<Masked> spans = new ArrayList<>();
        for (Signal signal : signals) {
            if (!maskCategories.contains(signal.category())) {
                continue;
            }
            for (Span span : signal.spans()) {
                // a span that does not fit was not made for this text: mask to the end rather than keep it
                spans.add(new Masked(Math.min(span.start(), text.length()), Math.min(span.end(), text.length()), signal.category()));
            }
        }
        if (spans.isEmpty()) {
            return text;
        }
        spans.sort(Comparator.comparingInt(Masked::start).thenComparing(Comparator.comparingInt(Masked::end).reversed()));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Masked span : spans) {
            if (span.end() <= at) {
                continue; // inside one already masked
            }
            int start = Math.max(span.start(), at);
            out.append(text, at, start).append('[').append(span.category()).append(']');
            at = span.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
