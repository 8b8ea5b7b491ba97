package dev.veto.plugins.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import dev.veto.spi.ComponentContext;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.ClassifierFactory;
import org.pf4j.Extension;

/** The {@code openai-moderation} classifier: the OpenAI moderation API, or a service speaking its format. */
@Extension
public final class OpenAiModerationFactory implements ClassifierFactory {

    @Override
    public String name() {
        return "openai-moderation";
    }

    @Override
    public String description() {
        return "OpenAI moderation API format (POST /moderations), category scores mapped to Veto's taxonomy";
    }

    @Override
    public Classifier create(ComponentContext context) {
        Config settings = PluginSettings.of(context.config(), name());
        ObjectMapper mapper = new ObjectMapper();
        return new OpenAiModerationClassifier(new Endpoint(settings, mapper), mapper,
                ModerationSettings.read(settings));
    }
}
