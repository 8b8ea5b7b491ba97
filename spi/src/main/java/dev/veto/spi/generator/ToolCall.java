package dev.veto.spi.generator;

import java.util.Objects;

/**
 * A call of a tool (function) the model asks for. Output moderation judges its arguments like text.
 *
 * @param id        the call's id as the model gave it, possibly empty
 * @param name      the tool's name
 * @param arguments the arguments, usually a JSON object as text
 */
public record ToolCall(String id, String name, String arguments) {

    /**
     * Validates the components.
     *
     * @param id        the call's id as the model gave it, possibly empty
     * @param name      the tool's name
     * @param arguments the arguments, usually a JSON object as text
     */
    public ToolCall {
        id = id == null ? "" : id;
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? "" : arguments;
    }
}
