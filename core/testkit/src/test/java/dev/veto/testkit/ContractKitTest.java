package dev.veto.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.veto.spi.ComponentContext;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.ClassifierFactory;
import dev.veto.spi.escalator.EscalationStatus;
import dev.veto.spi.escalator.EscalationTicket;
import dev.veto.spi.escalator.Escalator;
import dev.veto.spi.escalator.EscalatorFactory;
import dev.veto.spi.generator.FinishReason;
import dev.veto.spi.generator.Generation;
import dev.veto.spi.generator.Generator;
import dev.veto.spi.generator.GeneratorFactory;
import dev.veto.spi.retriever.Passage;
import dev.veto.spi.retriever.Retriever;
import dev.veto.spi.retriever.RetrieverFactory;
import dev.veto.spi.signal.Signal;
import dev.veto.spi.signal.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The kit is itself tested: a well-behaved component of each kind passes every check, and each kind of
 * misbehaviour fails exactly the check written for it. (The contracts under test are nested classes, which
 * Surefire does not run on their own.)
 */
class ContractKitTest {

    // ---- the runs -------------------------------------------------------------------------------------

    @Test
    void aWellBehavedClassifierPassesEveryCheck() {
        Map<String, String> results = run(GoodClassifierContract.class);
        assertThat(results).containsEntry("aBlockedCallEndsWhenInterrupted", "SUCCESSFUL")
                .containsEntry("theSameTextGivesTheSameSignals", "SUCCESSFUL");
        assertThat(results.values()).containsOnly("SUCCESSFUL");
        assertThat(results).hasSize(8);
    }

    @Test
    void eachMisbehaviourFailsItsOwnCheck() {
        assertThat(failed(ThrowsOnEmptyContract.class)).containsExactly("oddInputNeverThrowsAndSignalsStayWellFormed");
        assertThat(failed(SpanOutsideContract.class)).contains("signalsOnSampleTextsAreWellFormed");
        assertThat(failed(UnknownCategoryContract.class)).contains("declaredCategoriesAreKnownToTheTaxonomy");
        assertThat(failed(BadNameContract.class)).containsExactly("factoryNameIsAValidConfigurationName");
        assertThat(failed(RacyContract.class)).containsExactly("isSafeUnderConcurrentCalls");
        assertThat(failed(RandomContract.class)).contains("theSameTextGivesTheSameSignals");
        assertThat(failed(LeakyContract.class)).containsExactly("closingReleasesTheThreadsItStarted");
        assertThat(failed(DeafContract.class)).containsExactly("aBlockedCallEndsWhenInterrupted");
        assertThat(failed(SlowContract.class)).contains("oddInputNeverThrowsAndSignalsStayWellFormed");
    }

    @Test
    void generatorsRetrieversAndEscalatorsHaveTheirContractsToo() {
        assertThat(run(GoodGeneratorContract.class).values()).contains("SUCCESSFUL").doesNotContain("FAILED");
        assertThat(failed(IgnoresDeclineContract.class)).containsExactly("streamingStopsWhenTheSinkDeclines");
        assertThat(failed(BurstGeneratorContract.class)).containsExactly("streamedDeltasAddUpToTheGeneration");
        assertThat(run(GoodRetrieverContract.class).values()).contains("SUCCESSFUL").doesNotContain("FAILED");
        assertThat(failed(GreedyRetrieverContract.class)).contains("returnsAtMostTheLimit");
        assertThat(run(GoodEscalatorContract.class).values()).contains("SUCCESSFUL").doesNotContain("FAILED");
        assertThat(failed(ReusedIdEscalatorContract.class)).containsExactly("concurrentCasesGetDistinctIds");
    }

    private static Map<String, String> run(Class<?> contract) {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents();
        Map<String, String> results = new TreeMap<>();
        events.finished().stream().forEach(e -> results.put(name(e), e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .map(r -> r.getStatus().name()).orElse("?")));
        events.skipped().stream().forEach(e -> results.put(name(e), "SKIPPED"));
        return results;
    }

    private static List<String> failed(Class<?> contract) {
        return run(contract).entrySet().stream().filter(e -> e.getValue().equals("FAILED")).map(Map.Entry::getKey).toList();
    }

    private static String name(Event event) {
        String display = event.getTestDescriptor().getDisplayName();
        return display.substring(0, display.indexOf('('));
    }

    // ---- classifiers ----------------------------------------------------------------------------------

    /** A factory from a classify function. */
    record Factory(String name, Set<String> categories, Classify classify) implements ClassifierFactory {
        @Override
        public Classifier create(ComponentContext context) {
            return new Classifier() {
                @Override
                public List<Signal> classify(dev.veto.spi.classifier.ClassificationInput input) throws Exception {
                    return classify.apply(input.text());
                }

                @Override
                public Set<String> categories() {
                    return categories;
                }
            };
        }
    }

    interface Classify {
        List<Signal> apply(String text) throws Exception;
    }

    /** Flags "bomb" with a span, deterministic, thread-safe; blocks on "BLOCK" until interrupted. */
    static List<Signal> good(String text) throws InterruptedException {
        if (text.equals("BLOCK")) {
            Thread.sleep(60_000);
        }
        int at = text.indexOf("bomb");
        return at < 0 ? List.of() : List.of(Signal.of("indiscriminate-weapons", 0.9).withSpans(List.of(new Span(at, at + 4))));
    }

    abstract static class Base extends ClassifierContract {
        @Override
        protected Set<Capability> capabilities() {
            return EnumSet.of(Capability.DETERMINISTIC);
        }
    }

    static class GoodClassifierContract extends Base {
        @Override
        protected ClassifierFactory factory() {
            return new Factory("good", Set.of("indiscriminate-weapons"), ContractKitTest::good);
        }

        @Override
        protected Set<Capability> capabilities() {
            return EnumSet.of(Capability.DETERMINISTIC, Capability.INTERRUPTIBLE);
        }

        @Override
        protected Callable<?> blockingCall(Classifier instance) {
            return () -> instance.classify(input("BLOCK"));
        }
    }

    static class ThrowsOnEmptyContract extends Base {
        @Override
        protected ClassifierFactory factory() {
            return new Factory("empty-hater", Set.of(), text -> {
                if (text.isEmpty()) {
                    throw new IllegalArgumentException("empty");
                }
                return good(text);
            });
        }
    }

    static class SpanOutsideContract extends Base {
        @Override
        protected ClassifierFactory factory() {
            return new Factory("off-by-one", Set.of(), text -> text.contains("bomb")
                    ? List.of(Signal.of("hate", 0.5).withSpans(List.of(new Span(0, text.length() + 1)))) : List.of());
        }
    }

    static class UnknownCategoryContract extends Base {
        @Override
        protected ClassifierFactory factory() {
            return new Factory("custom", Set.of("acme-toxicity"), text -> List.of());
        }
    }

    static class BadNameContract extends Base {
        @Override
        protected ClassifierFactory factory() {
            return new Factory("Acme_Classifier", Set.of(), ContractKitTest::good);
        }
    }

    /** Keeps the text being judged in a shared field: concurrent calls report each other's evidence. */
    static class RacyContract extends Base {
        private final Factory factory = new Factory("racy", Set.of(), new Classify() {
            private String current;

            @Override
            public List<Signal> apply(String text) throws Exception {
                current = text;
                Thread.sleep(2);
                return List.of(Signal.of("hate", 0.1).withEvidence(List.of(current)));
            }
        });

        @Override
        protected ClassifierFactory factory() {
            return factory;
        }
    }

    static class RandomContract extends Base {
        @Override
        protected ClassifierFactory factory() {
            return new Factory("random", Set.of(), text -> List.of(Signal.of("hate", ThreadLocalRandom.current().nextDouble())));
        }
    }

    /** Starts a thread per instance and never stops it. */
    static class LeakyContract extends Base {
        @Override
        protected ClassifierFactory factory() {
            return new ClassifierFactory() {
                @Override
                public String name() {
                    return "leaky";
                }

                @Override
                public Classifier create(ComponentContext context) {
                    Thread refresher = new Thread(() -> {
                        while (true) {
                            try {
                                Thread.sleep(50);
                            } catch (InterruptedException e) {
                                // keeps running: the leak under test
                            }
                        }
                    }, "leaky-refresher");
                    refresher.setDaemon(true);
                    refresher.start();
                    return input -> List.of();
                }
            };
        }
    }

    /** Claims INTERRUPTIBLE but spins through interrupts. */
    static class DeafContract extends GoodClassifierContract {
        @Override
        protected Callable<?> blockingCall(Classifier instance) {
            return () -> {
                long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                return null;
            };
        }
    }

    /** Takes longer than the deadline on a megabyte. */
    static class SlowContract extends Base {
        @Override
        protected ClassifierFactory factory() {
            return new Factory("slow", Set.of(), text -> {
                if (text.length() > 100_000) {
                    Thread.sleep(2_000);
                }
                return List.of();
            });
        }

        @Override
        protected Duration callDeadline() {
            return Duration.ofMillis(500);
        }
    }

    // ---- generators -----------------------------------------------------------------------------------

    record GeneratorOf(String name, Function<String, Generator> make) implements GeneratorFactory {
        @Override
        public Generator create(ComponentContext context) {
            return make.apply(name);
        }
    }

    /** Echoes the prompt word by word. */
    static class Echo implements Generator {
        @Override
        public Generation generate(dev.veto.spi.generator.GenerationRequest request) {
            return new Generation("You said: " + request.messages().get(0).content(), FinishReason.STOP, "echo");
        }

        @Override
        public Generation stream(dev.veto.spi.generator.GenerationRequest request, dev.veto.spi.generator.TextSink sink) {
            String text = generate(request).text();
            StringBuilder sent = new StringBuilder();
            for (String word : text.split("(?<= )")) {
                sent.append(word);
                if (!sink.accept(word)) {
                    return new Generation(sent.toString(), FinishReason.CANCELLED, "echo");
                }
            }
            return new Generation(text, FinishReason.STOP, "echo");
        }
    }

    static class GoodGeneratorContract extends GeneratorContract {
        @Override
        protected GeneratorFactory factory() {
            return new GeneratorOf("echo", n -> new Echo());
        }

        @Override
        protected Set<Capability> capabilities() {
            return EnumSet.of(Capability.STREAMS_INCREMENTALLY);
        }
    }

    static class IgnoresDeclineContract extends GoodGeneratorContract {
        @Override
        protected GeneratorFactory factory() {
            return new GeneratorOf("deaf", n -> new Echo() {
                @Override
                public Generation stream(dev.veto.spi.generator.GenerationRequest request, dev.veto.spi.generator.TextSink sink) {
                    String text = generate(request).text();
                    for (String word : text.split("(?<= )")) {
                        sink.accept(word);
                    }
                    return new Generation(text, FinishReason.STOP, "echo");
                }
            });
        }
    }

    /** Claims incremental streaming but uses the SPI's one-burst default. */
    static class BurstGeneratorContract extends GoodGeneratorContract {
        @Override
        protected GeneratorFactory factory() {
            return new GeneratorOf("burst", n -> request -> new Generation("all at once", FinishReason.STOP, "burst"));
        }
    }

    // ---- retrievers and escalators --------------------------------------------------------------------

    record RetrieverOf(String name, int extra) implements RetrieverFactory {
        @Override
        public Retriever create(ComponentContext context) {
            return query -> {
                List<Passage> passages = new ArrayList<>();
                for (int i = 0; i < Math.min(query.limit() + extra, 5); i++) {
                    passages.add(new Passage("kb", "t" + i, "passage " + i, "", 0.5));
                }
                return passages;
            };
        }
    }

    static class GoodRetrieverContract extends RetrieverContract {
        @Override
        protected RetrieverFactory factory() {
            return new RetrieverOf("kb", 0);
        }
    }

    static class GreedyRetrieverContract extends RetrieverContract {
        @Override
        protected RetrieverFactory factory() {
            return new RetrieverOf("greedy", 2);
        }
    }

    record EscalatorOf(String name, boolean unique) implements EscalatorFactory {
        @Override
        public Escalator create(ComponentContext context) {
            AtomicInteger next = new AtomicInteger();
            return escalationCase -> new EscalationTicket(unique ? "case-" + next.incrementAndGet() : "case-" + (next.incrementAndGet() % 4),
                    EscalationStatus.PENDING, Duration.ofMinutes(5));
        }
    }

    static class GoodEscalatorContract extends EscalatorContract {
        @Override
        protected EscalatorFactory factory() {
            return new EscalatorOf("queue", true);
        }
    }

    static class ReusedIdEscalatorContract extends EscalatorContract {
        @Override
        protected EscalatorFactory factory() {
            return new EscalatorOf("sloppy", false);
        }
    }
}
