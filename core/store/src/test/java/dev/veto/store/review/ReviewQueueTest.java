package dev.veto.store.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veto.spi.escalator.EscalationStatus;
import dev.veto.store.MutableClock;
import dev.veto.store.OnEveryDatabase;
import dev.veto.store.Store;
import dev.veto.store.Stores;
import dev.veto.store.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

class ReviewQueueTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));

    private Store open(String kind) {
        return Stores.open(TestDatabases.fresh(kind, dir), dir, clock);
    }

    static NewCase draft(String tenant) {
        return new NewCase(tenant, "req-" + System.nanoTime(), 5, Duration.ofHours(1), "en", "REDACTED",
                "my neighbour [privacy] keeps threatening me, what are my options", Map.of("channel", "chat"),
                List.of(Map.of("category", "violent-crimes", "score", 0.7, "classifier", "lexicon")),
                "threshold/violent-crimes/escalate", List.of("violent-crimes"), "violent-crimes 0.70 ≥ 0.65",
                "veto-baseline@abc", "refuse", Optional.empty());
    }

    @OnEveryDatabase
    void aClaimedCaseIsDecidedOnceByItsHolder(String kind) {
        try (Store store = open(kind)) {
            ReviewQueue queue = store.reviews();
            ReviewCase opened = queue.open(draft("acme"));
            assertThat(opened.status()).isEqualTo(EscalationStatus.PENDING);

            ReviewCase claimed = queue.claim(opened.caseId(), "alice", List.of("acme"));
            assertThat(claimed.status()).isEqualTo(EscalationStatus.IN_REVIEW);
            assertThat(claimed.reviewer()).contains("alice");
            assertThatThrownBy(() -> queue.claim(opened.caseId(), "bob", List.of("acme")))
                    .isInstanceOfSatisfying(ReviewException.class, e -> assertThat(e.kind()).isEqualTo(ReviewException.Kind.CONFLICT))
                    .hasMessageContaining("claimed by alice");
            assertThatThrownBy(() -> queue.decide(opened.caseId(), "bob", List.of("acme"), ReviewAction.APPROVE, "", ""))
                    .isInstanceOfSatisfying(ReviewException.class, e -> assertThat(e.kind()).isEqualTo(ReviewException.Kind.CONFLICT));

            ReviewCase approved = queue.decide(opened.caseId(), "alice", List.of("acme"), ReviewAction.APPROVE, "", "looks fine");
            assertThat(approved.status()).isEqualTo(EscalationStatus.APPROVED);
            assertThat(CaseOutcome.verdict(approved)).isEqualTo("allow");
            assertThatThrownBy(() -> queue.decide(opened.caseId(), "alice", List.of("acme"), ReviewAction.APPROVE, "", ""))
                    .isInstanceOfSatisfying(ReviewException.class, e -> assertThat(e.kind()).isEqualTo(ReviewException.Kind.CONFLICT))
                    .hasMessageContaining("already approved by alice");
            assertThat(queue.history(opened.caseId())).extracting(ReviewEvent::action).containsExactly("opened", "claimed", "approved");
        }
    }

    @OnEveryDatabase
    void aLapsedClaimCannotDecideAndReturnsTheCaseToTheQueue(String kind) {
        try (Store store = open(kind)) {
            ReviewQueue queue = store.reviews();
            ReviewCase opened = queue.open(draft("acme"));
            queue.claim(opened.caseId(), "alice", List.of("acme"));
            clock.advance(Duration.ofMinutes(16)); // the lease is 15 minutes
            assertThatThrownBy(() -> queue.decide(opened.caseId(), "alice", List.of("acme"), ReviewAction.DENY, "", ""))
                    .isInstanceOfSatisfying(ReviewException.class, e -> assertThat(e.kind()).isEqualTo(ReviewException.Kind.LEASE_EXPIRED));
            assertThat(queue.claimNext("bob", List.of("acme"))).hasValueSatisfying(c -> {
                assertThat(c.caseId()).isEqualTo(opened.caseId());
                assertThat(c.reviewer()).contains("bob");
            });
            ReviewCase edited = queue.decide(opened.caseId(), "bob", List.of("acme"), ReviewAction.EDIT,
                    "Please contact your local police non-emergency line.", "");
            assertThat(edited.status()).isEqualTo(EscalationStatus.APPROVED);
            assertThat(CaseOutcome.toJson(edited).get("response").asText()).contains("non-emergency");
        }
    }

    @OnEveryDatabase
    void aCaseNobodyDecidesExpiresToThePolicysVerdict(String kind) {
        try (Store store = open(kind)) {
            ReviewQueue queue = store.reviews();
            ReviewCase opened = queue.open(draft("acme"));
            queue.claim(opened.caseId(), "alice", List.of("acme"));
            clock.advance(Duration.ofMinutes(61));
            assertThat(queue.expireDue()).extracting(ReviewCase::caseId).containsExactly(opened.caseId());
            ReviewCase expired = queue.find(opened.caseId()).orElseThrow();
            assertThat(expired.status()).isEqualTo(EscalationStatus.EXPIRED);
            assertThat(CaseOutcome.verdict(expired)).isEqualTo("refuse");
            assertThat(queue.expireDue()).isEmpty();
            assertThatThrownBy(() -> queue.decide(opened.caseId(), "alice", List.of("acme"), ReviewAction.APPROVE, "", ""))
                    .isInstanceOfSatisfying(ReviewException.class, e -> assertThat(e.kind()).isEqualTo(ReviewException.Kind.CONFLICT))
                    .hasMessageContaining("already expired");
        }
    }

    @OnEveryDatabase
    void aReviewerSeesOnlyTheirTenantsCases(String kind) {
        try (Store store = open(kind)) {
            ReviewQueue queue = store.reviews();
            ReviewCase acme = queue.open(draft("acme"));
            ReviewCase globex = queue.open(draft("globex"));
            assertThat(queue.list(List.of("acme"), List.of(), Optional.empty(), 50)).extracting(ReviewCase::caseId)
                    .containsExactly(acme.caseId());
            assertThat(queue.find(globex.caseId(), List.of("acme"))).isEmpty();
            assertThatThrownBy(() -> queue.claim(globex.caseId(), "alice", List.of("acme")))
                    .isInstanceOfSatisfying(ReviewException.class, e -> assertThat(e.kind()).isEqualTo(ReviewException.Kind.NOT_FOUND));
            assertThat(queue.claimNext("alice", List.of("acme"))).hasValueSatisfying(c -> assertThat(c.tenant()).isEqualTo("acme"));
            assertThat(queue.claimNext("alice", List.of("acme"))).isEmpty();
            assertThat(queue.list(List.of("*"), List.of(EscalationStatus.PENDING), Optional.empty(), 50))
                    .extracting(ReviewCase::caseId).containsExactly(globex.caseId());
            assertThat(queue.backlog(List.of("acme")).byStatus()).containsEntry("IN_REVIEW", 1L).containsEntry("PENDING", 0L);
        }
    }

    @OnEveryDatabase
    void malformedActionsAreClearErrors(String kind) {
        try (Store store = open(kind)) {
            ReviewQueue queue = store.reviews();
            ReviewCase opened = queue.open(draft("acme"));
            queue.claim(opened.caseId(), "alice", List.of("acme"));
            assertThatThrownBy(() -> queue.decide(opened.caseId(), "alice", List.of("acme"), ReviewAction.EDIT, "  ", ""))
                    .isInstanceOfSatisfying(ReviewException.class, e -> assertThat(e.kind()).isEqualTo(ReviewException.Kind.INVALID));
            assertThatThrownBy(() -> ReviewAction.parse("approve!"))
                    .isInstanceOfSatisfying(ReviewException.class, e -> assertThat(e.kind()).isEqualTo(ReviewException.Kind.INVALID));
            assertThatThrownBy(() -> queue.decide(opened.caseId(), "alice", List.of("acme"), ReviewAction.APPROVE,
                    "x".repeat(20_001), "")).isInstanceOf(ReviewException.class).hasMessageContaining("at most");
            assertThatThrownBy(() -> queue.claim("case_nope", "alice", List.of("acme")))
                    .isInstanceOfSatisfying(ReviewException.class, e -> assertThat(e.kind()).isEqualTo(ReviewException.Kind.NOT_FOUND));
            // nothing was lost: the case still waits for alice's decision
            assertThat(queue.find(opened.caseId()).orElseThrow().status()).isEqualTo(EscalationStatus.IN_REVIEW);
        }
    }
}
