package dev.veto.plugins.pii;

import dev.veto.spi.ComponentContext;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.ClassifierFactory;
import org.pf4j.Extension;

/** The {@code pii} classifier factory: personal data and secrets, with spans. */
@Extension
public final class PiiClassifierFactory implements ClassifierFactory {

    @Override
    public String name() {
        return "pii";
    }

    @Override
    public String description() {
        return "personal data and secrets with spans: e-mail, phone, cards, IBAN, national ids, IPs, keys and tokens";
    }

    @Override
    public Classifier create(ComponentContext context) {
        return new PiiClassifier(context.instanceName(), PiiSettings.read(context.config()));
    }
}
