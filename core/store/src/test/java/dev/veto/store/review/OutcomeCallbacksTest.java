package dev.veto.store.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.veto.store.MutableClock;
import dev.veto.store.Store;
import dev.veto.store.Stores;
import dev.veto.store.TestDatabases;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeCallbacksTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));

    private static NewCase withCallback(String url) {
        NewCase d = ReviewQueueTest.draft("acme");
        return new NewCase(d.tenant(), d.requestId(), d.priority(), d.sla(), d.language(), d.textHandling(), d.prompt(),
                d.context(), d.signals(), d.rule(), d.categories(), d.rationale(), d.policyVersion(), d.onExpiry(),
                Optional.of(url));
    }

    @Test
    void theOutcomeIsPushedAndAFailedAttemptRetried() throws Exception {
        HttpServer client = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger calls = new AtomicInteger();
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        client.createContext("/outcome", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = calls.incrementAndGet() == 1 ? 503 : 204;
            if (status == 204) {
                received.add(new ObjectMapper().readTree(body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        client.start();
        try (Store store = Stores.open(TestDatabases.fresh("sqlite", dir), dir, clock)) {
            ReviewQueue queue = store.reviews();
            ReviewCase opened = queue.open(withCallback("http://127.0.0.1:" + client.getAddress().getPort() + "/outcome"));
            store.callbacks().dispatchDue();
            assertThat(calls).hasValue(0); // nothing to say before a decision
            queue.claim(opened.caseId(), "alice", List.of("acme"));
            queue.decide(opened.caseId(), "alice", List.of("acme"), ReviewAction.DENY, "", "internal remark");

            assertThat(store.callbacks().dispatchDue()).isZero(); // 503
            clock.advance(Duration.ofSeconds(1));
            assertThat(store.callbacks().dispatchDue()).isOne();
            assertThat(received).singleElement().satisfies(outcome -> {
                assertThat(outcome.get("id").asText()).isEqualTo(opened.caseId());
                assertThat(outcome.get("status").asText()).isEqualTo("denied");
                assertThat(outcome.get("verdict").asText()).isEqualTo("refuse");
                assertThat(outcome.toString()).doesNotContain("internal remark").doesNotContain("neighbour");
            });
            clock.advance(Duration.ofMinutes(5));
            assertThat(store.callbacks().dispatchDue()).isZero(); // delivered once, not again
            assertThat(queue.history(opened.caseId())).extracting(ReviewEvent::action).contains("callback-pending", "callback-delivered");
        } finally {
            client.stop(0);
        }
    }

    @Test
    void aTargetThatStaysDownEndsInADeadLetter() throws Exception {
        try (Store store = Stores.open(TestDatabases.fresh("sqlite", dir), dir, clock)) {
            ReviewQueue queue = store.reviews();
            ReviewCase opened = queue.open(withCallback("http://127.0.0.1:9/nobody-listens"));
            clock.advance(Duration.ofHours(2));
            queue.expireDue();
            for (int i = 0; i < 5; i++) {
                store.callbacks().dispatchDue();
                clock.advance(Duration.ofMinutes(1));
            }
            List<ReviewEvent> history = queue.history(opened.caseId());
            assertThat(history).extracting(ReviewEvent::action).containsSubsequence("expired", "callback-pending", "callback-failed");
            assertThat(history.get(history.size() - 1).note()).contains("dead letter after 3 attempts");
        }
    }

    @Test
    void onlyAllowedHostsAreCalled() {
        CallbackTargets targets = new CallbackTargets(List.of("hooks.example.com", "*.acme.test"));
        assertThat(targets.allows("https://hooks.example.com/veto")).isTrue();
        assertThat(targets.allows("https://a.acme.test/x")).isTrue();
        assertThat(targets.problem("http://169.254.169.254/latest/meta-data")).contains("not allowed");
        assertThat(targets.problem("file:///etc/passwd")).contains("http or https");
        assertThat(targets.problem("https://user:pw@hooks.example.com/")).contains("credentials");
        assertThat(new CallbackTargets(List.of()).problem("https://hooks.example.com/")).contains("not enabled");
    }
}
