package dev.veto.plugins.openai;

import dev.veto.spi.ComponentContext;
import dev.veto.spi.generator.Generator;
import dev.veto.spi.generator.GeneratorFactory;
import org.pf4j.Extension;

/**
 * The {@code openai-compatible} generator: any endpoint speaking the OpenAI Chat Completions API.
 */
@Extension
public final class OpenAiGeneratorFactory implements GeneratorFactory {

    @Override
    public String name() {
        return "openai-compatible";
    }

    @Override
    public String description() {
        return "OpenAI-compatible Chat Completions (OpenAI, Ollama, vLLM, llama.cpp), streaming";
    }

    @Override
    public Generator create(ComponentContext context) {
        return new OpenAiGenerator(OpenAiSettings.read(context.config()));
    }
}
