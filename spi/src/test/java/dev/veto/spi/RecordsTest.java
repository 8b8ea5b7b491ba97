package dev.veto.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veto.spi.generator.ToolCall;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Request;
import dev.veto.spi.request.RequestContext;
import dev.veto.spi.request.Role;
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
    void onlyAnAssistantMessageCallsToolsAndOnlyAToolMessageAnswersOne() {
        ToolCall call = new ToolCall("call_1", "lookup", "{\"city\": \"Lisbon\"}");
        assertThat(Message.assistant("", List.of(call)).toolCalls()).containsExactly(call);
        assertThat(Message.toolResult("call_1", "18 C").toolCallId()).isEqualTo("call_1");
        // the constructor of SPI 1.0 stays, without tool use
        Message plain = new Message(Role.USER, "hi");
        assertThat(plain.toolCalls()).isEmpty();
        assertThat(plain.toolCallId()).isEmpty();
        assertThat(new Message(Role.TOOL, "18 C", null, null).toolCallId()).isEmpty();
        assertThatThrownBy(() -> new Message(Role.USER, "hi", List.of(call), ""))
                .hasMessage("only an assistant message asks for tools (this one's role: USER)");
        assertThatThrownBy(() -> new Message(Role.ASSISTANT, "hi", List.of(), "call_1"))
                .hasMessage("only a tool message answers a tool call (this one's role: ASSISTANT)");
    }

    @Test
    void verdictsOrderFromLeastToMostRestrictive() {
        assertThat(Verdict.ALLOW.strictest(Verdict.CONSTRAIN)).isEqualTo(Verdict.CONSTRAIN);
        assertThat(Verdict.REFUSE.strictest(Verdict.ESCALATE)).isEqualTo(Verdict.REFUSE);
        assertThat(Verdict.ESCALATE.blocks()).isTrue();
        assertThat(Verdict.CONSTRAIN.blocks()).isFalse();
    }
}
