package dev.veto.core.privacy;

import dev.veto.core.chain.Chain;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Request;
import java.util.Objects;

/**
 * A request as it may be kept beyond the decision: its judged message with personal data masked (or the
 * raw text, where the tenant allows it), earlier turns withheld.
 *
 * @param request  the request with its messages redacted
 * @param handling how its text was treated
 */
public record RedactedRequest(Request request, TextHandling handling) {

    /** Validates the components. */
    public RedactedRequest {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(handling, "handling");
    }

    /**
     * The message the decision judged, as kept.
     *
     * @return the latest user message (or the last message of a conversation without one)
     */
    public Message subject() {
        return Chain.subject(request);
    }

    /**
     * A request kept as received, for tests and tools that handle no personal data.
     *
     * @param request the request
     * @return the request, marked raw
     */
    public static RedactedRequest raw(Request request) {
        return new RedactedRequest(request, TextHandling.RAW);
    }
}
