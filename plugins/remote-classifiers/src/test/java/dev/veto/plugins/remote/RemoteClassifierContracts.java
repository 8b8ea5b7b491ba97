package dev.veto.plugins.remote;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.ClassifierFactory;
import dev.veto.testkit.Capability;
import dev.veto.testkit.ClassifierContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;

/**
 * Both remote classifiers keep the classifier contract against a safety model stub on loopback, including
 * that a call blocked on a model that stops answering after its headers ends when the host interrupts it.
 */
final class RemoteClassifierContracts {

    private RemoteClassifierContracts() {
    }

    /** The shared set-up: one stub server per test, its threads not counted as the classifier's. */
    abstract static class AgainstStub extends ClassifierContract {
        final StubSafetyServer stub;

        AgainstStub() {
            try {
                stub = new StubSafetyServer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stub.verdict = "unsafe\nS9";
            stub.scores = "{\"violence\": 0.91, \"harassment\": 0.02}";
        }

        @Override
        protected Config settings() {
            return ConfigFactory.parseMap(Map.of("base-url", stub.baseUrl(), "max-retries", 0));
        }

        @Override
        protected Set<Capability> capabilities() {
            return EnumSet.of(Capability.DETERMINISTIC, Capability.INTERRUPTIBLE);
        }

        @Override
        protected Callable<?> blockingCall(Classifier instance) {
            // the harder of the two stalls: before the headers the client's send is interruptible anyway; after
            // them only the body stream decides whether an abandoned call gives its thread back
            stub.mode = StubSafetyServer.Mode.SILENT_AFTER_HEADERS;
            return () -> instance.classify(input("anything"));
        }

        @Override
        protected boolean isTestInfrastructure(Thread thread) {
            return thread.getName().startsWith("stub-") || thread.getName().startsWith("HTTP-Dispatcher");
        }

        @AfterEach
        void stopStub() {
            stub.close();
        }
    }
}
