package dev.veto.testkit;

import dev.veto.spi.ComponentContext;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.ClassifierFactory;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.signal.Signal;
import java.util.List;
import java.util.Set;

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
                    public List<Signal> classify(dev.veto.spi.classifier.ClassificationInput input) {
                        return input.text().contains(word) ? List.of(Signal.of(category, score)) : List.of();
                    }

                    @Override
                    public Set<String> categories() {
                        return Set.of(category);
                    }
                };
            }
        };
    }
}
