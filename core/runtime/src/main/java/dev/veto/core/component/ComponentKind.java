package dev.veto.core.component;

import dev.veto.spi.ComponentFactory;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.ClassifierFactory;
import dev.veto.spi.escalator.Escalator;
import dev.veto.spi.escalator.EscalatorFactory;
import dev.veto.spi.generator.Generator;
import dev.veto.spi.generator.GeneratorFactory;
import dev.veto.spi.retriever.Retriever;
import dev.veto.spi.retriever.RetrieverFactory;
import java.util.List;

/**
 * One of the four extension points: its factory type, and where its instances are configured.
 *
 * @param <F> the factory type
 * @param <C> the component type
 */
public final class ComponentKind<F extends ComponentFactory<C>, C extends AutoCloseable> {

    /** Classifiers, configured under {@code veto.classifiers}. */
    public static final ComponentKind<ClassifierFactory, Classifier> CLASSIFIER =
            new ComponentKind<>("classifier", ClassifierFactory.class, "classifiers");
    /** Retrievers, configured under {@code veto.retrievers}. */
    public static final ComponentKind<RetrieverFactory, Retriever> RETRIEVER =
            new ComponentKind<>("retriever", RetrieverFactory.class, "retrievers");
    /** Generators, configured under {@code veto.generators}. */
    public static final ComponentKind<GeneratorFactory, Generator> GENERATOR =
            new ComponentKind<>("generator", GeneratorFactory.class, "generators");
    /** Escalators, configured under {@code veto.escalators}. */
    public static final ComponentKind<EscalatorFactory, Escalator> ESCALATOR =
            new ComponentKind<>("escalator", EscalatorFactory.class, "escalators");

    /** All kinds, in chain order. */
    public static final List<ComponentKind<?, ?>> ALL = List.of(CLASSIFIER, RETRIEVER, GENERATOR, ESCALATOR);

    private final String label;
    private final Class<F> factoryType;
    private final String section;

    private ComponentKind(String label, Class<F> factoryType, String section) {
        this.label = label;
        this.factoryType = factoryType;
        this.section = section;
    }

    /**
     * The kind's name, e.g. {@code classifier}.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * The SPI factory interface plugins implement.
     *
     * @return the factory type
     */
    public Class<F> factoryType() {
        return factoryType;
    }

    /**
     * The configuration path of this kind's instances, e.g. {@code veto.classifiers}.
     *
     * @return the path
     */
    public String instancesPath() {
        return "veto." + section;
    }

    /**
     * The configuration path of the defaults every instance of this kind inherits.
     *
     * @return the path, e.g. {@code veto.defaults.classifier}
     */
    public String defaultsPath() {
        return "veto.defaults." + label;
    }

    @Override
    public String toString() {
        return label;
    }
}
