package dev.veto.testkit;

import dev.veto.spi.ComponentContext;
import dev.veto.spi.classifier.ClassificationInput;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.ClassifierFactory;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.signal.Signal;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * In-process classifiers for host-level tests: register one with {@code Veto.builder().classifierFactory(…)}
 * to make the policy see a known signal, so that a test of an escalator, a recorder or a generator does not
 * depend on what a real classifier's lexicon or model makes of a sentence.
 */
public final class TestClassifiers {

    private TestClassifiers() {
    }

    /**
     * A factory whose classifier reports {@code category} at {@code score} whenever the input text contains
     * {@code word}, on the input stage.
     *
     * @param name     the factory name (configure an instance with {@code factory = <name>})
     * @param word     the text that triggers the signal
     * @param category the category reported
     * @param score    the score reported
     * @return the factory
     */
    public static ClassifierFactory flagging(String name, String word, String category, double score) {
        return of(name, Set.of(category), input -> input.text().contains(word) ? List.of(Signal.of(category, score)) : List.of());
    }

    /**
     * A factory whose classifier declares {@code categories} and answers with {@code behaviour}, on the
     * input stage.
     *
     * @param name       the factory name (configure an instance with {@code factory = <name>})
     * @param categories the categories it declares (the host masks personal data only where a classifier
     *                   declaring privacy or sensitive-data judged the text)
     * @param behaviour  the signals for an input
     * @return the factory
     */
    public static ClassifierFactory of(String name, Set<String> categories, Function<ClassificationInput, List<Signal>> behaviour) {
        return new ClassifierFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<Stage> stages() {
                return Set.of(Stage.INPUT);
            }

            @Override
            public Classifier create(ComponentContext context) {
                return new Classifier() {
                    @Override
                    public List<Signal> classify(ClassificationInput input) {
                        return behaviour.apply(input);
                    }

                    @Override
                    public Set<String> categories() {
                        return categories;
                    }
                };
            }
        };
    }
}
