package dev.veto.plugins.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import dev.veto.spi.ComponentContext;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.ClassifierFactory;
import org.pf4j.Extension;

/** The {@code llm-judge} classifier: a Llama Guard style model behind an OpenAI-compatible endpoint. */
@Extension
public final class LlmJudgeFactory implements ClassifierFactory {

    @Override
    public String name() {
        return "llm-judge";
    }

    @Override
    public String description() {
        return "Llama Guard style safety model over an OpenAI-compatible Chat Completions endpoint";
    }

    @Override
    public Classifier create(ComponentContext context) {
        Config settings = PluginSettings.of(context.config(), name());
        ObjectMapper mapper = new ObjectMapper();
        return new LlmJudgeClassifier(new Endpoint(settings, mapper), mapper, JudgeSettings.read(settings));
    }
}
