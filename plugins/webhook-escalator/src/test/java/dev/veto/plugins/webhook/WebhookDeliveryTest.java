package dev.veto.plugins.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.veto.spi.escalator.EscalationCase;
import dev.veto.spi.escalator.EscalationTicket;
import dev.veto.spi.escalator.Escalator;
import dev.veto.spi.policy.Ruling;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.signal.Signal;
import dev.veto.testkit.Requests;
import dev.veto.testkit.TestComponentContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookDeliveryTest {

    @TempDir
    Path data;

    private Receiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private Escalator escalator(Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(Map.of("url", receiver.url(), "secret", Receiver.SECRET,
                "backoff", "20ms", "max-backoff", "100ms", "max-attempts", 3));
        settings.putAll(more);
        return new WebhookEscalatorFactory().create(TestComponentContext.of(WebhookEscalatorFactory.class,
                ConfigFactory.parseMap(settings), data));
    }

    private static EscalationCase escalationCase() {
        Ruling ruling = new Ruling(Verdict.ESCALATE, Set.of(), "threshold/self-harm/escalate", List.of("self-harm"),
                "self-harm 0.62 reached 0.6", "veto-baseline@abc", List.of(Signal.of("self-harm", 0.62).withClassifier("lexicon")));
        return new EscalationCase(Requests.of("I can't go on, my email is [privacy]"), ruling, Verdict.CONSTRAIN);
    }

    private boolean outboxIsEmpty() {
        try (var outbox = Files.list(data.resolve("contract/outbox"))) {
            return outbox.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }

    @Test
    void aCaseIsDeliveredSignedAndRetriedUntilTheReceiverTakesIt() throws Exception {
        receiver.failures = 2;
        try (Escalator escalator = escalator(Map.of())) {
            EscalationTicket ticket = escalator.escalate(escalationCase());
            assertThat(ticket.caseId()).startsWith("wh_");
            assertThat(ticket.expectedResponse()).isEqualTo(Duration.ofHours(4));
            await(() -> !receiver.accepted.isEmpty() && outboxIsEmpty());
        }
        assertThat(receiver.attempts).hasValue(3);
        Receiver.Delivery delivery = receiver.accepted.get(0);
        assertThat(delivery.signatureValid()).isTrue();
        JsonNode body = new ObjectMapper().readTree(delivery.body());
        assertThat(body.get("case_id").asText()).isEqualTo(delivery.headers().get("delivery"));
        assertThat(body.get("rule").asText()).isEqualTo("threshold/self-harm/escalate");
        assertThat(body.get("on_expiry").asText()).isEqualTo("constrain");
        assertThat(body.get("messages").get(0).get("content").asText()).contains("[privacy]");
        try (var outbox = Files.list(data.resolve("contract/outbox"))) {
            assertThat(outbox).isEmpty();
        }
    }

    @Test
    void closingLetsADeliveryUnderWayFinishSoTheCaseIsNotDeliveredTwice() throws Exception {
        receiver.answerAfterMillis = 500;
        Escalator escalator = escalator(Map.of());
        escalator.escalate(escalationCase());
        await(() -> receiver.attempts.get() == 1);
        escalator.close(); // while the receiver is still answering
        assertThat(receiver.accepted).hasSize(1);
        assertThat(outboxIsEmpty()).isTrue();
    }

    @Test
    void aReceiverThatStaysDownLeavesADeadLetter() throws Exception {
        receiver.failures = Integer.MAX_VALUE;
        try (Escalator escalator = escalator(Map.of())) {
            EscalationTicket ticket = escalator.escalate(escalationCase());
            Outbox outbox = new Outbox(data.resolve("contract"));
            await(() -> {
                try {
                    return !outbox.deadLetters().isEmpty();
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            assertThat(outbox.deadLetters()).singleElement().satisfies(letter -> {
                assertThat(letter.caseId()).isEqualTo(ticket.caseId());
                assertThat(letter.attempts()).isEqualTo(3);
                assertThat(letter.lastError()).isEqualTo("HTTP 503");
            });
            assertThat(outbox.pending()).isEmpty();
        }
    }

    @Test
    void deliveriesLeftByAStoppedHostAreSentWhenItStartsAgain() throws Exception {
        receiver.failures = Integer.MAX_VALUE;
        String caseId;
        try (Escalator escalator = escalator(Map.of("backoff", "1h", "max-backoff", "1h"))) {
            caseId = escalator.escalate(escalationCase()).caseId();
            await(() -> receiver.attempts.get() >= 1);
        }
        receiver.failures = 0;
        // the next attempt is an hour away, but the outbox is kept: a restart with a short backoff resumes it
        Outbox outbox = new Outbox(data.resolve("contract"));
        Outbox.Delivery waiting = outbox.pending().get(0);
        outbox.save(new Outbox.Delivery(waiting.caseId(), waiting.payload(), waiting.attempts(), 0, waiting.lastError()));
        try (Escalator restarted = escalator(Map.of())) {
            await(() -> !receiver.accepted.isEmpty());
        }
        assertThat(receiver.accepted).singleElement().satisfies(d -> assertThat(d.headers().get("delivery")).isEqualTo(caseId));
    }

    @Test
    void settingsAreCheckedWhenTheComponentIsCreated() {
        assertThatThrownBy(() -> escalator(Map.of("url", "ftp://example.com"))).hasMessageContaining("http or https");
        assertThatThrownBy(() -> escalator(Map.of("secret", "short"))).hasMessageContaining("at least 16");
        assertThatThrownBy(() -> escalator(Map.of("max-attempts", 0))).hasMessageContaining("max-attempts");
    }
}
