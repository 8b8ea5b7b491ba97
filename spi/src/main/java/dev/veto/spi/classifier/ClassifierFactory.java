package dev.veto.spi.classifier;

import dev.veto.spi.ComponentFactory;
import java.util.EnumSet;
import java.util.Set;

/**
 * Creates {@link Classifier}s; operators choose it by {@link #name()} under {@code veto.classifiers}.
 *
 * <p>Plugins register implementations as PF4J extensions (listed in {@code META-INF/extensions.idx}).
 */
public interface ClassifierFactory extends ComponentFactory<Classifier> {

    /**
     * The stages this factory's classifiers can judge. The host refuses a configuration that places a
     * classifier in a stage it does not support.
     *
     * @return the supported stages; both by default
     */
    default Set<Stage> stages() {
        return EnumSet.allOf(Stage.class);
    }
}
