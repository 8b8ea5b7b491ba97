package dev.veto.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veto.core.audit.MetricsRecorder;
import dev.veto.spi.policy.Verdict;
import dev.veto.testkit.TestClassifiers;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The context's facts are identifiers: anything else is refused before it reaches a log line or a metric. */
class ContextFactsTest {

    @TempDir
    Path home;

    private Veto start() {
        return Veto.builder().home(home).classifierFactory(TestClassifiers.of("silent", Set.of(), input -> List.of()))
                .setting("veto.classifiers.c.factory", "silent")
                .setting("veto.cache.enabled", false).setting("veto.policy.watch", false).build();
    }

    @Test
    void aTenantMustLookLikeAnIdentifier() {
        try (Veto veto = start()) {
            assertThat(veto.check(veto.request("hello").tenant("acme-eu.prod_2").build()).verdict())
                    .isEqualTo(Verdict.ALLOW);
            for (String bad : List.of("acme\nverdict=ALLOW", "two words", "<script>", "-leading", "x".repeat(65))) {
                assertThatThrownBy(() -> veto.check(veto.request("hello").tenant(bad).build()))
                        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("tenant");
            }
        }
    }

    @Test
    void otherFactsAreBoundedAndFreeOfControlCharacters() {
        try (Veto veto = start()) {
            assertThat(veto.check(veto.request("hello").channel("IDE plug-in").userRole("clinician").build()).verdict())
                    .isEqualTo(Verdict.ALLOW);
            assertThatThrownBy(() -> veto.check(veto.request("hello").channel("ide\r\nforged: line").build()))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("channel");
            assertThatThrownBy(() -> veto.check(veto.request("hello").jurisdiction("D".repeat(65)).build()))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("jurisdiction");
            assertThatThrownBy(() -> veto.check(veto.request("hello").userId("u".repeat(257)).build()))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("user id");
            assertThatThrownBy(() -> veto.check(veto.request("hello").userRole("admin\u2028role: owner").build()))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("role");
            assertThatThrownBy(() -> veto.check(veto.request("hello").purpose("edu\u202Etxt.exe").build()))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("purpose");
            assertThatThrownBy(() -> veto.check(veto.request("hello").id("req-1\nforged").build()))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("request id");
            // a fact the caller leaves out is "unknown", which is valid
            assertThat(veto.check(veto.request("hello").tenant(" ").channel(null).build()).verdict())
                    .isEqualTo(Verdict.ALLOW);
        }
    }

    @Test
    void configurationChecksTenantNamesWithTheSameRule() {
        assertThat(ContextFacts.isTenant("education-demo")).isTrue();
        assertThat(ContextFacts.isTenant("Acme Corp")).isFalse();
        assertThat(ContextFacts.isTenant(MetricsRecorder.OTHER_TENANTS)).isFalse();
        assertThat(ContextFacts.isTenant(null)).isFalse();
    }

    @Test
    void tenantsBeyondTheCapAreCountedAsOther() {
        try (Veto veto = start()) {
            for (int i = 0; i < MetricsRecorder.MAX_TENANTS + 20; i++) {
                veto.check(veto.request("hello").tenant("tenant-" + i).build());
            }
            var counters = veto.meters().find("veto.decisions").counters();
            assertThat(counters.stream().map(c -> c.getId().getTag("tenant")).distinct())
                    .hasSize(MetricsRecorder.MAX_TENANTS + 1).contains(MetricsRecorder.OTHER_TENANTS, "tenant-0");
            assertThat(veto.meters().find("veto.decisions").tag("tenant", MetricsRecorder.OTHER_TENANTS).counter().count())
                    .isEqualTo(20);
        }
    }
}
