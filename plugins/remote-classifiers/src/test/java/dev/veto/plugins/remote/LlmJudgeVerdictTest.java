package dev.veto.plugins.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.veto.spi.signal.Signal;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** How the judge's free-text answer is read: strictly, because a misread answer must never pass as safe. */
class LlmJudgeVerdictTest {

    private final LlmJudgeClassifier judge;

    LlmJudgeVerdictTest() {
        Config settings = PluginSettings.of(ConfigFactory.parseString("base-url = \"http://127.0.0.1:9/v1\"")
                .withFallback(ConfigFactory.parseResources("reference.conf")).resolve(), "llm-judge");
        ObjectMapper mapper = new ObjectMapper();
        judge = new LlmJudgeClassifier(new Endpoint(settings, mapper), mapper, JudgeSettings.read(settings));
    }

    @Test
    void safeAndUnsafeWithCodesInAnyCaseAndSpacing() throws IOException {
        assertThat(judge.read("safe")).isEmpty();
        assertThat(judge.read("  Safe \n")).isEmpty();
        assertThat(judge.read("unsafe\ns1,S10 , s1")).extracting(Signal::category).containsExactly("violent-crimes", "hate");
        assertThat(judge.read("UNSAFE\r\nS11")).singleElement().satisfies(s -> {
            assertThat(s.category()).isEqualTo("self-harm");
            assertThat(s.score()).isEqualTo(0.9);
            assertThat(s.confidence()).isEqualTo(0.85);
        });
    }

    @Test
    void anythingElseIsAFailureNotAPass() {
        assertThatThrownBy(() -> judge.read("unsafe")).hasMessageContaining("without naming a category");
        assertThatThrownBy(() -> judge.read("unsafe\nS99")).hasMessageContaining("'S99'");
        assertThatThrownBy(() -> judge.read("The message is safe.")).hasMessageContaining("does not start with safe or unsafe");
        assertThatThrownBy(() -> judge.read("")).hasMessageContaining("does not start with safe or unsafe");
    }

    @Test
    void theJudgeDeclaresTheCategoriesItCanReport() {
        assertThat(judge.categories()).hasSize(14).contains("indiscriminate-weapons", "elections");
    }
}
