package dev.veto.core.component;

import dev.veto.core.plugin.PluginCalls;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.escalator.Escalator;
import dev.veto.spi.generator.Generator;
import dev.veto.spi.retriever.Retriever;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All configured component instances, by kind and instance name. Closing it closes every instance, each
 * under its plugin's class loader; a failure to close is logged and does not stop the others.
 *
 * @param classifiers the classifiers, in configuration order
 * @param retrievers  the retrievers by instance name
 * @param generators  the generators by instance name
 * @param escalators  the escalators by instance name
 */
public record Components(List<Component<Classifier>> classifiers, Map<String, Component<Retriever>> retrievers,
                         Map<String, Component<Generator>> generators, Map<String, Component<Escalator>> escalators)
        implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Components.class);

    /** Copies the collections. */
    public Components {
        classifiers = List.copyOf(classifiers);
        retrievers = Map.copyOf(retrievers);
        generators = Map.copyOf(generators);
        escalators = Map.copyOf(escalators);
    }

    /**
     * Every component of every kind.
     *
     * @return the components
     */
    public List<Component<?>> all() {
        List<Component<?>> all = new ArrayList<>(classifiers);
        Stream.of(retrievers, generators, escalators).forEach(m -> all.addAll(m.values()));
        return all;
    }

    @Override
    public void close() {
        for (Component<?> component : all()) {
            Optional<? extends AutoCloseable> instance = component.instance();
            if (instance.isEmpty()) {
                continue;
            }
            try {
                PluginCalls.withLoader(component.classLoader(), () -> {
                    try {
                        instance.get().close();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                log.warn("Closing component {} failed: {}", component, PluginCalls.describe(e));
            }
        }
    }
}
