package dev.veto.spi.retriever;

import dev.veto.spi.policy.Ruling;
import dev.veto.spi.request.Request;
import java.util.Objects;

/**
 * What to retrieve material for.
 *
 * @param text    the normalized user text
 * @param request the request, for its locale and context
 * @param ruling  the policy gate's ruling: retrievers may fetch different material for a refusal's safe
 *                alternatives than for a constrained answer
 * @param limit   the most passages wanted, at least 1
 */
public record RetrievalQuery(String text, Request request, Ruling ruling, int limit) {

    /**
     * Validates the components.
     *
     * @param text    the normalized user text
     * @param request the request, for its locale and context
     * @param ruling  the policy gate's ruling: retrievers may fetch different material for a refusal's safe
     *              alternatives than for a constrained answer
     * @param limit   the most passages wanted, at least 1
     */
    public RetrievalQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(ruling, "ruling");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }
}
