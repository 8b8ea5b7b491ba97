package dev.veto.core.component;

import dev.veto.core.plugin.PluginCalls;
import dev.veto.spi.classifier.ClassificationInput;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Request;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a new classifier once per stage before the first request does. A plugin's first call in a fresh JVM
 * pays for what it loads lazily — classes, a library's metadata, a model session, a connection — and can
 * outlast the stage deadline (250 ms by default), so the first user after every restart would meet the
 * stage's failure behaviour, a refusal where it fails closed. The warm-up pays that price at start-up.
 *
 * <p>A warm-up that fails or outlasts its timeout is logged and nothing more: the classifier stays in the
 * chain, where each real call is judged on its own (deadline, failure behaviour, circuit breaker).
 */
final class ClassifierWarmUp {

    private static final Logger log = LoggerFactory.getLogger(ClassifierWarmUp.class);

    /** Everyday text with the kinds of content classifiers look for lazily: a phone number, an e-mail address. */
    static final String TEXT = "Warm-up call from the Veto host at start-up: how do I reset my password? "
            + "Call me at +1 415 555 0100 or write to help@example.com.";

    private final ExecutorService pool;
    private final Duration timeout;

    ClassifierWarmUp(ExecutorService pool, Duration timeout) {
        this.pool = pool;
        this.timeout = timeout;
    }

    /**
     * Warms a classifier up in each of its stages.
     *
     * @param name        the instance name, for the log
     * @param classLoader the plugin's class loader, set as the context loader for the calls
     * @param classifier  the classifier
     * @param stages      the stages it runs in
     */
    void warmUp(String name, ClassLoader classLoader, Classifier classifier, Set<Stage> stages) {
        long started = System.nanoTime();
        CompletableFuture<Void> calls = CompletableFuture.runAsync(() -> PluginCalls.withLoader(classLoader, () -> {
            for (Stage stage : stages) {
                try {
                    classifier.classify(input(stage));
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }
            return null;
        }), pool);
        try {
            calls.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Warmed up classifier '{}' in {} ms", name, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (TimeoutException e) {
            calls.cancel(true);
            log.warn("Classifier '{}' did not finish its warm-up call within {} ms (veto.plugin-host.warm-up-timeout); "
                    + "its first requests may outlast the stage deadline", name, timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("Classifier '{}' failed its warm-up call: {}", name, PluginCalls.describe(e.getCause()));
        }
    }

    private static ClassificationInput input(Stage stage) {
        List<Message> conversation = stage == Stage.INPUT ? List.of(Message.user(TEXT))
                : List.of(Message.user(TEXT), Message.assistant(TEXT));
        Request request = new Request("warm-up", conversation, null, Locale.ENGLISH, null);
        return new ClassificationInput(stage, TEXT, "en", request);
    }
}
