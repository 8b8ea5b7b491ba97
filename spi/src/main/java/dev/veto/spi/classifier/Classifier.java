package dev.veto.spi.classifier;

import dev.veto.spi.signal.Signal;
import java.util.List;
import java.util.Set;

/**
 * Judges a text and reports what it finds as {@link Signal}s.
 *
 * <p>Implementations must be thread-safe: the host calls {@link #classify} concurrently. A call runs under
 * the stage's deadline on a host thread; a classifier that blocks should respond to interruption. A
 * classifier that throws is not a crash: the host records the failure and applies the stage's configured
 * fail-closed or fail-open behaviour.
 */
public interface Classifier extends AutoCloseable {

    /**
     * Classifies one text.
     *
     * @param input the text and its request
     * @return the signals found, empty if none; only categories with a positive score need be reported
     * @throws Exception if classification fails; the host treats it as a plugin failure
     */
    List<Signal> classify(ClassificationInput input) throws Exception;

    /**
     * The category ids this classifier may report; the host checks them against the policy's taxonomy at
     * start-up. An empty set means "not declared".
     *
     * @return the category ids
     */
    default Set<String> categories() {
        return Set.of();
    }

    /**
     * Releases resources (models, native sessions). Called once when the host shuts down.
     *
     * @throws Exception if releasing fails; the host logs it and goes on
     */
    @Override
    default void close() throws Exception {
    }
}
