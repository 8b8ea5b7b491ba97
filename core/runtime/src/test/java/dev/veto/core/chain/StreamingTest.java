package dev.veto.core.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veto.core.Decision;
import dev.veto.core.Veto;
import dev.veto.spi.ComponentContext;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.ClassifierFactory;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.generator.FinishReason;
import dev.veto.spi.generator.Generation;
import dev.veto.spi.generator.GenerationRequest;
import dev.veto.spi.generator.Generator;
import dev.veto.spi.generator.GeneratorFactory;
import dev.veto.spi.generator.TextSink;
import dev.veto.spi.generator.ToolCall;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.signal.Signal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming: text leaves only after output moderation saw it, and nothing split across chunks slips out. */
class StreamingTest {

    @TempDir
    Path home;

    /** Flags any phone number like 555-0123-4567 as sensitive data. */
    /** A phone number or a card number: what the stub output classifier finds. */
    private static final Pattern PHONE = Pattern.compile("\\d{3}-\\d{4}-\\d{4}|\\d{4}( \\d{4}){3}");

    private static class Chunks implements Generator {
        private final List<String> chunks;
        private final List<ToolCall> toolCalls;
        volatile int sent;

        Chunks(List<String> chunks, List<ToolCall> toolCalls) {
            this.chunks = chunks;
            this.toolCalls = toolCalls;
        }

        @Override
        public Generation generate(GenerationRequest request) {
            return new Generation(String.join("", chunks), FinishReason.STOP, "stub", toolCalls);
        }

        @Override
        public Generation stream(GenerationRequest request, TextSink sink) {
            StringBuilder text = new StringBuilder();
            for (String chunk : chunks) {
                text.append(chunk);
                sent++;
                if (!sink.accept(chunk)) {
                    return new Generation(text.toString(), FinishReason.CANCELLED, "stub");
                }
            }
            return new Generation(text.toString(), FinishReason.STOP, "stub", toolCalls);
        }
    }

    /** The language of every window the output classifier judged. */
    private final List<String> judgedLanguages = new CopyOnWriteArrayList<>();

    private Veto start(Generator generator) {
        ClassifierFactory phones = new ClassifierFactory() {
            @Override
            public String name() {
                return "phones";
            }

            @Override
            public Set<Stage> stages() {
                return Set.of(Stage.OUTPUT);
            }

            @Override
            public Classifier create(ComponentContext context) {
                return input -> {
                    judgedLanguages.add(input.language());
                    return PHONE.matcher(input.text()).find() ? List.of(Signal.of("sensitive-data", 0.95)) : List.of();
                };
            }
        };
        GeneratorFactory stub = new GeneratorFactory() {
            @Override
            public String name() {
                return "stub";
            }

            @Override
            public Generator create(ComponentContext context) {
                return generator;
            }
        };
        return Veto.builder().home(home).classifierFactory(phones).generatorFactory(stub)
                .setting("veto.classifiers.phones.factory", "phones")
                .setting("veto.classifiers.phones.warm-up", false) // the test records every call's language
                .setting("veto.generators.model.factory", "stub")
                .setting("veto.chain.generate.generator", "model")
                .setting("veto.chain.output.stream.window", 20)
                .setting("veto.chain.output.stream.overlap", 16)
                .build();
    }

    @Test
    void aCleanStreamIsReleasedInOrderAndCompletely() {
        List<String> chunks = List.of("The weather ", "in Lisbon is ", "sunny and warm ", "today, with a light ", "breeze from the sea.");
        List<String> released = new CopyOnWriteArrayList<>();
        try (Veto veto = start(new Chunks(chunks, List.of()))) {
            Decision decision = veto.stream(veto.request("weather?").build(), Map.of(), released::add);
            assertThat(decision.verdict()).isEqualTo(Verdict.ALLOW);
            assertThat(String.join("", released)).isEqualTo(String.join("", chunks));
            assertThat(decision.output()).contains(String.join("", chunks));
            assertThat(released.size()).isGreaterThan(1); // released as it flowed, not at the end
        }
    }

    @Test
    void theReplyLanguageIdentifiedWhileTheModelStreamsIsTheOneEveryWindowIsJudgedIn() {
        List<String> chunks = List.of("El tiempo ", "en Lisboa es ", "soleado y cálido ", "hoy, con una brisa ", "ligera del mar.");
        List<String> released = new CopyOnWriteArrayList<>();
        try (Veto veto = start(new Chunks(chunks, List.of()))) {
            Decision decision = veto.stream(veto.request("¿Qué tiempo hace hoy en Lisboa, por favor?").build(), Map.of(),
                    released::add);
            assertThat(decision.verdict()).isEqualTo(Verdict.ALLOW);
            assertThat(String.join("", released)).isEqualTo(String.join("", chunks));
            assertThat(decision.language()).isEqualTo("es");
            assertThat(judgedLanguages).hasSizeGreaterThan(1).containsOnly("es");
            assertThat(decision.trace().stage("generate").orElseThrow().notes())
                    .anyMatch(note -> note.startsWith("language identified: es"));
        }
    }

    @Test
    void aValueSplitAcrossChunksNeverLeaves() {
        List<String> chunks = List.of("Sure. You can reach ", "him on his private line ", "555-01", "23-4567 any time.", " More text.");
        List<String> released = new CopyOnWriteArrayList<>();
        Chunks generator = new Chunks(chunks, List.of());
        try (Veto veto = start(generator)) {
            Decision decision = veto.stream(veto.request("his number?").build(), Map.of(), released::add);
            String leaked = String.join("", released);
            assertThat(leaked).doesNotContain("555").doesNotContain("4567");
            assertThat(decision.verdict()).isEqualTo(Verdict.REFUSE);
            assertThat(decision.rule()).startsWith("output/");
            assertThat(decision.reply().message()).contains("stopped");
            assertThat(decision.output()).contains(leaked);
            assertThat(generator.sent).isLessThan(chunks.size()); // the generator was asked to stop
        }
    }

    @Test
    void aNumberSplitAtASpaceNeverLeaves() {
        List<String> chunks = List.of("Sure. Her card is ", "4111 ", "1111 1111 ", "1111, valid until May.", " More text.");
        List<String> released = new CopyOnWriteArrayList<>();
        try (Veto veto = start(new Chunks(chunks, List.of()))) {
            Decision decision = veto.stream(veto.request("her card?").build(), Map.of(), released::add);
            assertThat(String.join("", released)).startsWith("Sure.").doesNotContain("4111");
            assertThat(decision.verdict()).isEqualTo(Verdict.REFUSE);
        }
    }

    @Test
    void theFirstWordsLeaveWithTheFirstChunkNotAWindowLater() {
        List<String> released = new CopyOnWriteArrayList<>();
        List<String> releasedBeforeSecondChunk = new CopyOnWriteArrayList<>();
        Generator paced = new Chunks(List.of(), List.of()) {
            @Override
            public Generation stream(GenerationRequest request, TextSink sink) {
                sink.accept("Sure, here");
                releasedBeforeSecondChunk.addAll(released); // what a client has seen while the model still works
                sink.accept(" is the forecast for Lisbon.");
                return new Generation("Sure, here is the forecast for Lisbon.", FinishReason.STOP, "stub");
            }
        };
        try (Veto veto = start(paced)) {
            veto.stream(veto.request("weather?").build(), Map.of(), released::add);
            assertThat(String.join("", releasedBeforeSecondChunk)).isEqualTo("Sure, here");
            assertThat(String.join("", released)).isEqualTo("Sure, here is the forecast for Lisbon.");
        }
    }

    @Test
    void aClientThatGoesAwayStopsTheStreamWithoutCountingAgainstTheGenerator() {
        List<String> chunks = List.of("The weather ", "in Lisbon is ", "sunny and warm ", "today, with a light ",
                "breeze from the sea ", "and clear skies.");
        try (Veto veto = start(new Chunks(chunks, List.of()))) {
            for (int i = 0; i < 10; i++) { // more than the circuit breaker's failure threshold
                Decision decision = veto.stream(veto.request("weather?").build(), Map.of(), text -> {
                    throw new java.io.UncheckedIOException(new java.io.IOException("broken pipe"));
                });
                assertThat(decision.verdict()).isEqualTo(Verdict.ALLOW);
                assertThat(decision.trace().stage("generate").orElseThrow().calls().get(0).outcome())
                        .isEqualTo(dev.veto.core.trace.CallOutcome.OK);
                assertThat(decision.trace().stage("generate").orElseThrow().notes())
                        .contains("the client went away; the stream was stopped");
            }
            List<String> released = new CopyOnWriteArrayList<>();
            veto.stream(veto.request("weather?").build(), Map.of(), released::add);
            assertThat(String.join("", released)).isEqualTo(String.join("", chunks)); // the generator is not tripped
        }
    }

    @Test
    void aBlockingCompletionModeratesToolCallsToo() {
        Chunks generator = new Chunks(List.of("Calling the directory."),
                List.of(new ToolCall("c1", "send_sms", "{\"to\": \"555-0123-4567\"}")));
        try (Veto veto = start(generator)) {
            Decision decision = veto.complete(veto.request("text him").build(), Map.of("model", "x"));
            assertThat(decision.verdict()).isEqualTo(Verdict.REFUSE);
            assertThat(decision.generation()).isEmpty();
        }
    }

    @Test
    void aBlockingCompletionKeepsToolCallsThatPass() {
        Chunks generator = new Chunks(List.of("Checking."), List.of(new ToolCall("c1", "weather", "{\"city\": \"Lisbon\"}")));
        try (Veto veto = start(generator)) {
            Decision decision = veto.complete(veto.request("weather?").build(), Map.of());
            assertThat(decision.generation()).hasValueSatisfying(g -> assertThat(g.toolCalls()).hasSize(1));
        }
    }
}
