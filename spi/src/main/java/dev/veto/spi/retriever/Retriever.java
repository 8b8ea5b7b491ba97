package dev.veto.spi.retriever;

import java.util.List;

/**
 * Fetches trusted material for a request. Must be thread-safe; runs under the retrieve stage's deadline.
 */
public interface Retriever extends AutoCloseable {

    /**
     * Retrieves passages, best first.
     *
     * @param query what to retrieve for
     * @return at most {@code query.limit()} passages, possibly none
     * @throws Exception if retrieval fails; the host applies the stage's failure behaviour
     */
    List<Passage> retrieve(RetrievalQuery query) throws Exception;

    /**
     * Releases resources. Called once when the host shuts down.
     *
     * @throws Exception if releasing fails; the host logs it and goes on
     */
    @Override
    default void close() throws Exception {
    }
}
