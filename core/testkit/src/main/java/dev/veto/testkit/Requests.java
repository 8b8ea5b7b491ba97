package dev.veto.testkit;

import dev.veto.spi.request.Message;
import dev.veto.spi.request.Modality;
import dev.veto.spi.request.Request;
import dev.veto.spi.request.RequestContext;
import dev.veto.spi.request.Role;
import java.util.List;
import java.util.Locale;

/** Requests for contract tests: one user message in a plain context. */
public final class Requests {

    private Requests() {
    }

    /**
     * A request whose only message is the user's text.
     *
     * @param text the user's text
     * @return the request, tenant {@code contract}
     */
    public static Request of(String text) {
        return new Request("contract-" + Integer.toHexString(text.hashCode()), List.of(new Message(Role.USER, text)),
                Modality.TEXT, Locale.ENGLISH, RequestContext.builder().tenant("contract").build());
    }
}
