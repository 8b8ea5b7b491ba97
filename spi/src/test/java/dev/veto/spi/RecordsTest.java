package dev.veto.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veto.spi.policy.Verdict;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Request;
import dev.veto.spi.request.RequestContext;
import dev.veto.spi.signal.Signal;
import dev.veto.spi.signal.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RecordsTest {

    @Test
    void signalRejectsScoresOutsideTheUnitInterval() {
        assertThatThrownBy(() -> Signal.of("hate", 1.5)).hasMessageContaining("score");
        assertThatThrownBy(() -> Signal.of("hate", Double.NaN)).hasMessageContaining("score");
        assertThatThrownBy(() -> Signal.of(" ", 0.5)).hasMessageContaining("blank");
    }

    @Test
    void signalCopiesItsLists() {
        List<Span> spans = new ArrayList<>(List.of(new Span(0, 3)));
        Signal signal = Signal.of("hate", 0.5).withSpans(spans);
        spans.clear();
        assertThat(signal.spans()).containsExactly(new Span(0, 3));
    }

    @Test
    void spanRejectsInvertedRanges() {
        assertThatThrownBy(() -> new Span(4, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Span(2, 4).fitsIn(3)).isFalse();
    }

    @Test
    void contextFillsUnknownFacts() {
        RequestContext context = RequestContext.builder().tenant("acme").userRole("  ").build();
        assertThat(context.tenant()).isEqualTo("acme");
        assertThat(context.userRole()).isEqualTo(RequestContext.UNKNOWN);
        assertThat(context.attributes()).isEmpty();
    }

    @Test
    void requestFindsTheLatestUserMessage() {
        Request request = new Request("r1",
                List.of(Message.user("first"), Message.assistant("reply"), Message.user("second")),
                null, Locale.ENGLISH, null);
        assertThat(request.latestUserMessage()).map(Message::content).contains("second");
        assertThat(request.context()).isEqualTo(RequestContext.ANONYMOUS);
        assertThatThrownBy(() -> new Request("r2", List.of(), null, null, null)).hasMessageContaining("at least one");
    }

    @Test
    void verdictsOrderFromLeastToMostRestrictive() {
        assertThat(Verdict.ALLOW.strictest(Verdict.CONSTRAIN)).isEqualTo(Verdict.CONSTRAIN);
        assertThat(Verdict.REFUSE.strictest(Verdict.ESCALATE)).isEqualTo(Verdict.REFUSE);
        assertThat(Verdict.ESCALATE.blocks()).isTrue();
        assertThat(Verdict.CONSTRAIN.blocks()).isFalse();
    }
}
