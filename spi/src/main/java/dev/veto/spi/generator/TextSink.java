package dev.veto.spi.generator;

/**
 * Receives generated text as it streams. The host's sink holds text back until output moderation has seen
 * it; generators just push.
 */
@FunctionalInterface
public interface TextSink {

    /**
     * Accepts the next piece of generated text.
     *
     * @param delta the text generated since the previous call, never {@code null}
     * @return {@code true} to continue, {@code false} if the consumer wants the generation stopped; a
     *         generator must then stop promptly and finish with {@link FinishReason#CANCELLED}
     */
    boolean accept(String delta);
}
