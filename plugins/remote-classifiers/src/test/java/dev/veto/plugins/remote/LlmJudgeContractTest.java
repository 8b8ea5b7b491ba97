package dev.veto.plugins.remote;

import dev.veto.spi.classifier.ClassifierFactory;

/** The llm-judge classifier keeps the classifier contract. */
class LlmJudgeContractTest extends RemoteClassifierContracts.AgainstStub {

    @Override
    protected ClassifierFactory factory() {
        return new LlmJudgeFactory();
    }
}
