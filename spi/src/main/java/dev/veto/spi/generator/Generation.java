package dev.veto.spi.generator;

import java.util.Objects;

/**
 * A finished generation.
 *
 * @param text         the generated text
 * @param finishReason why it ended
 * @param model        the model that produced it, as the generator names it; possibly empty
 */
public record Generation(String text, FinishReason finishReason, String model) {

    /**
     * Validates the components.
     *
     * @param text         the generated text
     * @param finishReason why it ended
     * @param model        the model that produced it, as the generator names it; possibly empty
     */
    public Generation {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(finishReason, "finishReason");
        model = model == null ? "" : model;
    }
}
