package dev.veto.plugins.remote;

import dev.veto.spi.classifier.ClassifierFactory;

/** The openai-moderation classifier keeps the classifier contract. */
class OpenAiModerationContractTest extends RemoteClassifierContracts.AgainstStub {

    @Override
    protected ClassifierFactory factory() {
        return new OpenAiModerationFactory();
    }
}
