package dev.veto.plugins.openai;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import dev.veto.spi.generator.GenerationRequest;
import dev.veto.spi.generator.Generator;
import dev.veto.spi.request.Request;
import dev.veto.testkit.Requests;
import dev.veto.testkit.TestComponentContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A model server that answers without end fails the call at {@code max-response-size}, streamed or not. */
class OpenAiGeneratorLimitsTest {

    @TempDir
    Path data;

    private ChatCompletionsStub stub;
    private Generator generator;

    @BeforeEach
    void start() throws IOException {
        stub = new ChatCompletionsStub();
        stub.flood = true; // 6 GiB if read to the end
        generator = new OpenAiGeneratorFactory().create(TestComponentContext.of(OpenAiGeneratorFactory.class,
                ConfigFactory.parseMap(Map.of("base-url", stub.baseUrl(), "max-retries", 0, "max-response-size", "256 KiB")),
                data));
    }

    @AfterEach
    void stop() throws Exception {
        generator.close();
        stub.close();
    }

    @Test
    @Timeout(30)
    void anEndlessAnswerFailsTheCall() {
        assertThatThrownBy(() -> generator.generate(request()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exceeds max-response-size (262144 bytes)");
    }

    @Test
    @Timeout(30)
    void anEndlessStreamFailsTheCallEvenWithinOneLine() {
        assertThatThrownBy(() -> generator.stream(request(), delta -> true))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exceeds max-response-size (262144 bytes)");
    }

    @Test
    void aLimitBelowOneKilobyteIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new OpenAiGeneratorFactory().create(TestComponentContext.of(OpenAiGeneratorFactory.class,
                ConfigFactory.parseMap(Map.of("base-url", stub.baseUrl(), "max-response-size", "100 B")),
                data)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-response-size must be at least 1 KiB");
    }

    private static GenerationRequest request() {
        Request request = Requests.of("Tell me everything.");
        return new GenerationRequest(request, request.conversation(), Set.of(), List.of(), 256);
    }
}
