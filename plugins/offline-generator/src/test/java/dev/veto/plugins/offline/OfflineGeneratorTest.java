package dev.veto.plugins.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.veto.spi.generator.FinishReason;
import dev.veto.spi.generator.Generation;
import dev.veto.spi.generator.GenerationRequest;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Modality;
import dev.veto.spi.request.Request;
import dev.veto.spi.request.RequestContext;
import dev.veto.spi.retriever.Passage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfflineGeneratorTest {

    private final OfflineGenerator generator = new OfflineGenerator(OfflineSettings.read(
            ConfigFactory.parseString("max-passages = 2, max-chars-per-passage = 40").withFallback(ConfigFactory.parseResources("reference.conf"))));

    private static GenerationRequest asking(List<Passage> passages) {
        Request request = new Request("r1", List.of(Message.user("question")), Modality.TEXT, Locale.ENGLISH, RequestContext.ANONYMOUS);
        return new GenerationRequest(request, request.conversation(), Set.of(), passages, 256);
    }

    @Test
    void theBestPassagesAreQuotedShortenedAtAWordAndAttributed() {
        List<Passage> passages = List.of(
                new Passage("wiki", "Low", "least relevant", "", 0.1),
                new Passage("kb", "Top", "one two three four five six seven eight nine ten eleven", "https://kb/top", 0.9),
                new Passage("faq", "", "second best", "", 0.5));
        String answer = generator.generate(asking(passages)).text();
        assertThat(answer).contains("Top: one two three four five six seven eight …").contains("(https://kb/top)")
                .contains("second best (faq)").doesNotContain("least relevant");
        assertThat(answer.indexOf("Top")).isLessThan(answer.indexOf("second best"));
    }

    @Test
    void aStreamStopsWhenTheSinkSaysSo() {
        List<String> received = new ArrayList<>();
        Generation generation = generator.stream(asking(List.of()), delta -> {
            received.add(delta);
            return received.size() < 3;
        });
        assertThat(received).hasSize(3);
        assertThat(generation.finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(generation.text()).isEqualTo(String.join("", received));
    }
}
