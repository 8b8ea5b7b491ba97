package dev.veto.plugins.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veto.spi.generator.GenerationRequest;
import dev.veto.spi.generator.Generator;
import dev.veto.spi.request.Request;
import dev.veto.testkit.Requests;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a streamed answer is read: events as the SSE format defines them, and what is not a finished answer. */
class OpenAiGeneratorStreamTest {

    @TempDir
    Path data;

    @Test
    void anEventSplitOverSeveralDataLinesIsOneEvent() throws Exception {
        try (ChatCompletionsStub stub = new ChatCompletionsStub(); Generator generator = stub.generator(data, Map.of())) {
            stub.multiLineEvents = true;
            List<String> deltas = new ArrayList<>();
            assertThat(generator.stream(request(), deltas::add).text()).isEqualTo("You asked about 19 characters.");
            assertThat(deltas).hasSize(5);
        }
    }

    @Test
    void aStreamThatBreaksOffIsAFailureNotAnAnswer() throws Exception {
        try (ChatCompletionsStub stub = new ChatCompletionsStub(); Generator generator = stub.generator(data, Map.of())) {
            stub.cutShort = true;
            List<String> deltas = new ArrayList<>();
            assertThatThrownBy(() -> generator.stream(request(), deltas::add))
                    .isInstanceOf(IOException.class).hasMessageContaining("ended before the answer did");
            assertThat(deltas).containsExactly("You ");
        }
    }

    @Test
    void aPageInsteadOfAnEventStreamIsAFailure() throws Exception {
        try (ChatCompletionsStub stub = new ChatCompletionsStub(); Generator generator = stub.generator(data, Map.of())) {
            stub.htmlInsteadOfEvents = true;
            assertThatThrownBy(() -> generator.stream(request(), delta -> true))
                    .isInstanceOf(IOException.class).hasMessageContaining("text/html, not an event stream");
        }
    }

    @Test
    void eventsFollowTheFormat() throws IOException {
        SseEvents events = new SseEvents(new BufferedReader(new StringReader(
                ": a comment\r\nevent: message\r\ndata: {\"a\":\r\ndata:1}\r\n\r\n\r\ndata: [DONE]")));
        assertThat(events.next()).isEqualTo("{\"a\":\n1}");
        assertThat(events.next()).isEqualTo("[DONE]");
        assertThat(events.next()).isNull();
    }

    private static GenerationRequest request() {
        Request request = Requests.of("Tell me everything.");
        return new GenerationRequest(request, request.conversation(), Set.of(), List.of(), 256);
    }
}
