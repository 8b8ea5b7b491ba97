package dev.veto.spi.generator;

import java.util.List;
import java.util.Objects;

/**
 * A finished generation.
 *
 * @param text         the generated text
 * @param finishReason why it ended
 * @param model        the model that produced it, as the generator names it; possibly empty
 * @param toolCalls    tool calls the model asks for, possibly none
 */
public record Generation(String text, FinishReason finishReason, String model, List<ToolCall> toolCalls) {

    /**
     * Validates the components.
     *
     * @param text         the generated text
     * @param finishReason why it ended
     * @param model        the model that produced it, as the generator names it; possibly empty
     * @param toolCalls    tool calls the model asks for, possibly none
     */
    public Generation {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(finishReason, "finishReason");
        model = model == null ? "" : model;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /**
     * A generation of text only.
     *
     * @param text         the generated text
     * @param finishReason why it ended
     * @param model        the model that produced it; possibly empty
     */
    public Generation(String text, FinishReason finishReason, String model) {
        this(text, finishReason, model, List.of());
    }
}
