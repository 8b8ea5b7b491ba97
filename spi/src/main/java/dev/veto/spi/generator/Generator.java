package dev.veto.spi.generator;

/**
 * Produces the answer to a request. Must be thread-safe; runs under the generate stage's deadline and
 * should respond to interruption.
 */
public interface Generator extends AutoCloseable {

    /**
     * Generates a complete answer.
     *
     * @param request what to generate, under which constraints
     * @return the generation
     * @throws Exception if generation fails; the host applies the stage's failure behaviour
     */
    Generation generate(GenerationRequest request) throws Exception;

    /**
     * Generates an answer, pushing text to {@code sink} as it is produced. The default implementation
     * generates the whole answer and pushes it at once; generators backed by a streaming model override it.
     *
     * @param request what to generate
     * @param sink    receives text in order; returns {@code false} to stop the generation
     * @return the generation as a whole (the concatenated text pushed so far)
     * @throws Exception if generation fails
     */
    default Generation stream(GenerationRequest request, TextSink sink) throws Exception {
        Generation generation = generate(request);
        boolean accepted = sink.accept(generation.text());
        return accepted ? generation
                : new Generation(generation.text(), FinishReason.CANCELLED, generation.model(), generation.toolCalls());
    }

    /**
     * Releases resources (connections, native sessions). Called once when the host shuts down.
     *
     * @throws Exception if releasing fails; the host logs it and goes on
     */
    @Override
    default void close() throws Exception {
    }
}
