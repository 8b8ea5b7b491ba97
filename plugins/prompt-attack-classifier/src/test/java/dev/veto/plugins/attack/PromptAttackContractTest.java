package dev.veto.plugins.attack;

import dev.veto.spi.classifier.ClassifierFactory;
import dev.veto.testkit.Capability;
import dev.veto.testkit.ClassifierContract;
import java.util.EnumSet;
import java.util.Set;

/** The prompt-attack classifier keeps the contract every classifier plugin keeps. */
class PromptAttackContractTest extends ClassifierContract {

    @Override
    protected ClassifierFactory factory() {
        return new PromptAttackClassifierFactory();
    }

    @Override
    protected Set<Capability> capabilities() {
        return EnumSet.of(Capability.DETERMINISTIC);
    }
}
