package com.acme.veto.secrets;

import dev.veto.spi.ComponentContext;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.ClassifierFactory;
import org.pf4j.Extension;

/**
 * The {@code acme-secrets} classifier factory, found by the host through PF4J's extension index. Operators
 * configure an instance with {@code veto.classifiers.<name>.factory = acme-secrets}.
 */
@Extension
public final class SecretsClassifierFactory implements ClassifierFactory {

    @Override
    public String name() {
        return "acme-secrets";
    }

    @Override
    public String description() {
        return "credentials in prompts and output: cloud keys, tokens, private keys, assigned secrets";
    }

    @Override
    public Classifier create(ComponentContext context) {
        return new SecretsClassifier(context.instanceName(), SecretsSettings.read(context.config()));
    }
}
