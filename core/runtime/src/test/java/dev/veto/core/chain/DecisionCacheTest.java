package dev.veto.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.veto.core.Decision;
import dev.veto.core.Veto;
import dev.veto.spi.ComponentContext;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.ClassifierFactory;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.signal.Signal;
import dev.veto.testkit.PolicyFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identical requests under one policy version reuse the decision; a policy change invalidates it. */
class DecisionCacheTest {

    @TempDir
    Path home;

    private final Classifier classifier = mock(Classifier.class);

    private Veto start(boolean cache) {
        ClassifierFactory factory = new ClassifierFactory() {
            @Override
            public String name() {
                return "mocked";
            }

            @Override
            public Classifier create(ComponentContext context) {
                return classifier;
            }
        };
        return Veto.builder().home(home).classifierFactory(factory)
                .setting("veto.classifiers.c.factory", "mocked")
                .setting("veto.classifiers.c.warm-up", false) // the test counts calls
                .setting("veto.cache.enabled", cache)
                .setting("veto.policy.watch", false)
                .build();
    }

    @Test
    void anIdenticalRequestIsAnsweredFromTheCacheUntilThePolicyChanges() throws Exception {
        PolicyFixture policy = PolicyFixture.copyBundled(home.resolve("conf/policy"));
        when(classifier.classify(any())).thenReturn(List.of(Signal.of("hate", 0.7)));
        try (Veto veto = start(true)) {
            Decision first = veto.check(veto.request("same text").tenant("acme").build());
            Decision second = veto.check(veto.request("same text").tenant("acme").build());
            assertThat(second.verdict()).isEqualTo(first.verdict()).isEqualTo(Verdict.CONSTRAIN);
            assertThat(second.requestId()).isNotEqualTo(first.requestId());
            assertThat(second.trace().stage("cache")).isPresent();
            verify(classifier, times(1)).classify(any());

            veto.check(veto.request("same text").tenant("other").build()); // another context: not the same request
            verify(classifier, times(2)).classify(any());
            assertThat(veto.meters().find("cache.gets").tag("cache", "veto.decisions").tag("result", "hit")
                    .functionCounter().count()).isEqualTo(1);

            policy.append("policy.conf", "preset = strict");
            assertThat(veto.reloadPolicy()).isTrue();
            Decision afterChange = veto.check(veto.request("same text").tenant("acme").build());
            assertThat(afterChange.verdict()).isEqualTo(Verdict.REFUSE);
            assertThat(afterChange.trace().stage("cache")).isEmpty();
            verify(classifier, times(3)).classify(any());
        }
    }

    @Test
    void decisionsShapedByAFailureAreNotCached() throws Exception {
        when(classifier.classify(any())).thenThrow(new IllegalStateException("down")).thenReturn(List.of());
        try (Veto veto = start(true)) {
            assertThat(veto.check("text").verdict()).isEqualTo(Verdict.REFUSE);
            assertThat(veto.check("text").verdict()).isEqualTo(Verdict.ALLOW);
            verify(classifier, times(2)).classify(any());
        }
    }

    @Test
    void theCacheCanBeSwitchedOff() throws Exception {
        when(classifier.classify(any())).thenReturn(List.of());
        try (Veto veto = start(false)) {
            veto.check("text");
            veto.check("text");
            verify(classifier, times(2)).classify(any());
        }
    }
}
