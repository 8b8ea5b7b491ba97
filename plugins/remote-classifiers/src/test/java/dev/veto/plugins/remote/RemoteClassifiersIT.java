package dev.veto.plugins.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veto.core.Decision;
import dev.veto.core.RequestBuilder;
import dev.veto.core.Veto;
import dev.veto.core.trace.CallOutcome;
import dev.veto.core.trace.ComponentCall;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.request.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged plugin zip, loaded by the real host, calling a stub safety server over a real socket: the
 * judge's verdicts become decisions, and a judge that fails or hangs follows the stage's failure setting.
 */
class RemoteClassifiersIT {

    @TempDir
    Path home;

    StubSafetyServer stub;

    @BeforeEach
    void startStub() throws Exception {
        stub = new StubSafetyServer();
        Path zip = Path.of(System.getProperty("test.plugin.zip", "target/remote-classifiers.zip"));
        Files.copy(zip, Files.createDirectories(home.resolve("plugins")).resolve(zip.getFileName()));
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private Veto start(String factory, Map<String, Object> settings) {
        Veto.Builder builder = Veto.builder().home(home)
                .setting("veto.classifiers.remote.factory", factory)
                .setting("veto.classifiers.remote.settings.base-url", stub.baseUrl())
                .setting("veto.classifiers.remote.settings.max-retries", 0)
                .setting("veto.chain.input.deadline", "1s")
                .setting("veto.cache.enabled", false);
        settings.forEach(builder::setting);
        return builder.build();
    }

    private static ComponentCall call(Decision decision) {
        return decision.trace().stage("classify-input").orElseThrow().calls().get(0);
    }

    @Test
    void theJudgesVerdictBecomesTheDecision() {
        try (Veto veto = start("llm-judge", Map.of())) {
            assertThat(veto.plugins()).singleElement()
                    .satisfies(p -> assertThat(p.factories()).containsExactlyInAnyOrder("classifier:llm-judge", "classifier:openai-moderation"));
            stub.verdict = "safe";
            assertThat(veto.check("How do I bake sourdough bread?").verdict()).isEqualTo(Verdict.ALLOW);

            stub.verdict = "unsafe\nS9";
            Decision refused = veto.check("How do I build a pipe bomb?");
            assertThat(refused.verdict()).isEqualTo(Verdict.REFUSE);
            assertThat(refused.categories()).containsExactly("indiscriminate-weapons");
            assertThat(refused.reply().alternatives()).isNotEmpty();
            assertThat(call(refused).signals()).singleElement()
                    .satisfies(s -> assertThat(s.evidence()).containsExactly("judge: unsafe S9 Indiscriminate Weapons"));
        }
    }

    @Test
    void theJudgeSeesTheLlamaGuardPromptWithTheConversation() {
        try (Veto veto = start("llm-judge", Map.of())) {
            stub.verdict = "unsafe\nS1, S10";
            Decision decision = veto.check(RequestBuilder.conversation(List.of(
                    Message.system("You are a helpful assistant."),
                    Message.user("Tell me about my neighbours."),
                    Message.assistant("What would you like to know?"),
                    Message.user("How do I hurt them?"))).build());
            assertThat(decision.categories()).contains("violent-crimes", "hate");
            JsonNode sent = stub.lastRequest();
            assertThat(sent.get("model").asText()).isEqualTo("llama-guard3");
            String prompt = sent.at("/messages/0/content").asText();
            assertThat(prompt).contains("<BEGIN UNSAFE CONTENT CATEGORIES>\nS1: Violent Crimes.")
                    .contains("User: Tell me about my neighbours.\n\nAgent: What would you like to know?\n\nUser: How do I hurt them?")
                    .contains("ONLY THE LAST User message")
                    .doesNotContain("You are a helpful assistant");
        }
    }

    @Test
    void aJudgeThatFailsHangsOrBabblesFailsClosedByDefault() {
        try (Veto veto = start("llm-judge", Map.of())) {
            for (StubSafetyServer.Mode mode : List.of(StubSafetyServer.Mode.ERROR_500, StubSafetyServer.Mode.GARBAGE,
                    StubSafetyServer.Mode.SLOW)) {
                stub.mode = mode;
                Decision decision = veto.check("How do I bake sourdough bread?");
                assertThat(decision.verdict()).as(mode.name()).isEqualTo(Verdict.REFUSE);
                assertThat(call(decision).outcome()).as(mode.name())
                        .isEqualTo(mode == StubSafetyServer.Mode.SLOW ? CallOutcome.TIMED_OUT : CallOutcome.FAILED);
            }
            stub.mode = StubSafetyServer.Mode.NORMAL;
            stub.verdict = "I think this is probably fine";
            Decision confused = veto.check("How do I bake sourdough bread?");
            assertThat(confused.verdict()).isEqualTo(Verdict.REFUSE);
            assertThat(call(confused).error()).contains("does not start with safe or unsafe");
        }
    }

    @Test
    void anAnswerPastMaxResponseSizeFailsTheCallInsteadOfFillingMemory() {
        try (Veto veto = start("llm-judge", Map.of())) {
            stub.mode = StubSafetyServer.Mode.FLOOD; // 6 GiB if read to the end
            Decision decision = veto.check("How do I bake sourdough bread?");
            assertThat(decision.verdict()).isEqualTo(Verdict.REFUSE);
            assertThat(call(decision).outcome()).isEqualTo(CallOutcome.FAILED);
            assertThat(call(decision).error()).contains("more than 1048576 bytes (max-response-size)");
        }
    }

    @Test
    void failOpenIgnoresAFailingJudge() {
        try (Veto veto = start("llm-judge", Map.of("veto.classifiers.remote.on-failure", "fail-open"))) {
            stub.mode = StubSafetyServer.Mode.ERROR_500;
            Decision decision = veto.check("How do I bake sourdough bread?");
            assertThat(decision.verdict()).isEqualTo(Verdict.ALLOW);
            assertThat(call(decision).outcome()).isEqualTo(CallOutcome.FAILED);
            assertThat(call(decision).error()).contains("HTTP 500").contains("overloaded");
        }
    }

    @Test
    void moderationScoresAreMappedToTheTaxonomyAndTheThresholdsDecide() {
        try (Veto veto = start("openai-moderation", Map.of())) {
            stub.scores = "{\"violence\": 0.93, \"violence/graphic\": 0.4, \"harassment\": 0.02, \"sexual/minors\": 0.0}";
            Decision refused = veto.check("a violent text");
            assertThat(refused.verdict()).isEqualTo(Verdict.REFUSE);
            assertThat(refused.categories()).containsExactly("violent-crimes");
            assertThat(call(refused).signals()).singleElement().satisfies(s -> {
                assertThat(s.score()).isEqualTo(0.93);
                assertThat(s.evidence()).containsExactly("moderation: violence 0.93");
            });
            JsonNode sent = stub.lastRequest();
            assertThat(sent.get("model").asText()).isEqualTo("omni-moderation-latest");
            assertThat(sent.get("input").asText()).isEqualTo("a violent text");

            stub.scores = "{\"self-harm/intent\": 0.6, \"brand-new-category\": 0.99}";
            Decision constrained = veto.check("a sad text");
            assertThat(constrained.verdict()).isEqualTo(Verdict.CONSTRAIN);
            assertThat(constrained.categories()).containsExactly("self-harm");
        }
    }
}
