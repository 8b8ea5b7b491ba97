package dev.veto.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veto.core.Decision;
import dev.veto.core.DecisionNotRecordedException;
import dev.veto.core.Veto;
import dev.veto.spi.escalator.EscalationStatus;
import dev.veto.spi.policy.Verdict;
import dev.veto.store.HostFixture;
import dev.veto.store.MutableClock;
import dev.veto.store.OnEveryDatabase;
import dev.veto.store.Store;
import dev.veto.store.Stores;
import dev.veto.store.TestDatabases;
import dev.veto.store.review.ReviewAction;
import dev.veto.store.review.ReviewCase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {

    @TempDir
    Path dir;

    @OnEveryDatabase
    void everyDecisionIsRecordedWithPersonalDataMasked(String kind) {
        MutableClock clock = new MutableClock(Instant.now());
        try (Store store = Stores.open(TestDatabases.fresh(kind, dir), dir, clock); Veto veto = HostFixture.start(store, dir)) {
            Decision allowed = veto.check(veto.request("write to jane.doe@example.com about the picnic")
                    .tenant("acme").userId("user-7").build());
            assertThat(allowed.verdict()).isEqualTo(Verdict.ALLOW);

            AuditRecord record = store.audit().forRequest(allowed.requestId()).get(0);
            assertThat(record.tenant()).isEqualTo("acme");
            assertThat(record.verdict()).isEqualTo("ALLOW");
            assertThat(record.prompt()).isEqualTo("write to [privacy] about the picnic");
            assertThat(record.textHandling()).isEqualTo("MASKED");
            assertThat(record.userHash()).hasSize(16).doesNotContain("user-7");
            assertThat(record.policyVersion()).isEqualTo(veto.policyVersion());
            assertThat(record.stageMicros()).containsKeys("normalize", "classify-input", "policy");
            Decision next = veto.check(veto.request("and about the cake").tenant("acme").build());
            String nextId = store.audit().forRequest(next.requestId()).get(0).recordId();
            assertThat(java.util.UUID.fromString(record.recordId()).version()).as("time-ordered").isEqualTo(7);
            assertThat(nextId).as("later records sort after earlier ones").isGreaterThan(record.recordId());
            assertThat(store.audit().jsonLine(record)).doesNotContain("jane.doe").contains("\"prompt\":\"write to [privacy] about the picnic\"")
                    .contains("\"case_id\":null").doesNotContain("\n");
        }
    }

    @OnEveryDatabase
    void anEscalationOpensACaseAReviewerDecides(String kind) {
        MutableClock clock = new MutableClock(Instant.now());
        try (Store store = Stores.open(TestDatabases.fresh(kind, dir), dir, clock); Veto veto = HostFixture.start(store, dir)) {
            Decision decision = veto.check(veto.request("custody question, reach me at jane.doe@example.com")
                    .tenant("acme").build());
            assertThat(decision.verdict()).isEqualTo(Verdict.ESCALATE);
            String caseId = decision.escalation().orElseThrow().caseId();
            assertThat(decision.reply().message()).contains(caseId);

            ReviewCase opened = store.reviews().find(caseId, List.of("acme")).orElseThrow();
            assertThat(opened.prompt()).isEqualTo("custody question, reach me at [privacy]").doesNotContain("jane.doe");
            assertThat(opened.onExpiry()).isEqualTo("refuse");
            assertThat(opened.rule()).isEqualTo("threshold/specialized-advice/escalate");
            assertThat(store.audit().forRequest(decision.requestId())).singleElement()
                    .satisfies(r -> assertThat(r.caseId()).contains(caseId));

            store.reviews().claim(caseId, "alice", List.of("acme"));
            store.reviews().decide(caseId, "alice", List.of("acme"), ReviewAction.APPROVE, "", "");
            assertThat(veto.escalationOutcome(caseId)).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(EscalationStatus.APPROVED));
        }
    }

    @OnEveryDatabase
    void countsFeedTheDashboardAndRetentionDeletesOldRecords(String kind) {
        MutableClock clock = new MutableClock(Instant.now());
        try (Store store = Stores.open(TestDatabases.fresh(kind, dir), dir, clock); Veto veto = HostFixture.start(store, dir)) {
            veto.check(veto.request("hello").tenant("acme").build());
            veto.check(veto.request("custody").tenant("globex").build());
            List<DecisionCount> counts = store.audit().counts(List.of("acme"), Instant.now().minus(Duration.ofHours(1)), Duration.ofHours(1));
            assertThat(counts).singleElement().satisfies(c -> {
                assertThat(c.tenant()).isEqualTo("acme");
                assertThat(c.verdict()).isEqualTo("ALLOW");
                assertThat(c.count()).isOne();
            });
            assertThat(store.audit().counts(List.of("*"), Instant.now().minus(Duration.ofHours(1)), Duration.ofHours(1))).hasSize(2);
            clock.advance(Duration.ofDays(401));
            assertThat(store.audit().purgeOlderThan(Duration.ofDays(400))).isEqualTo(2);
            assertThat(store.audit().recent(10, Optional.empty())).isEmpty();
        }
    }

    @OnEveryDatabase
    void aDecisionTheTrailCannotWriteIsNotAcknowledged(String kind) {
        MutableClock clock = new MutableClock(Instant.now());
        Store store = Stores.open(TestDatabases.fresh(kind, dir), dir, clock);
        try (Veto veto = HostFixture.start(store, dir)) {
            store.database().close(); // the database goes away under a running host
            assertThatThrownBy(() -> veto.check(veto.request("hello").build()))
                    .isInstanceOf(DecisionNotRecordedException.class).hasMessageContaining("audit trail");
        } finally {
            store.close();
        }
    }
}
