package dev.veto.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.veto.core.config.ConfigLoader;
import dev.veto.core.config.ConfigSources;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Request;
import dev.veto.spi.signal.Signal;
import dev.veto.testkit.PolicyFixture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload of valid and invalid policies, the file watcher, and the shadow policy. */
class PolicyEngineTest {

    @TempDir
    Path home;

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private PolicyEngine engine;

    private static final Request REQUEST = new Request("r", List.of(Message.user("x")), null, null, null);
    private static final List<Signal> HATE = List.of(Signal.of("hate", 0.7));

    private PolicyEngine start(Map<String, Object> settings) {
        Config config = ConfigLoader.loadHostOnly(new ConfigSources(home, Optional.empty(), ConfigFactory.parseMap(settings)));
        engine = new PolicyEngine(config, meters);
        return engine;
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    private Verdict verdict() {
        return engine.decide(Stage.INPUT, REQUEST, HATE, List.of()).ruling().verdict();
    }

    private double reloads(String outcome) {
        var counter = meters.find("veto.policy.reloads").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void signalsOutsideTheTaxonomyAreCountedPerClassifierAndJudgedByTheDefaults() {
        start(Map.of("veto.policy.watch", false));
        Signal invented = new Signal("crypto-scams", 0.99, 1.0, List.of(), List.of(), "vendor");
        Signal known = new Signal("hate", 0.1, 1.0, List.of(), List.of(), "vendor");
        for (int i = 0; i < 3; i++) {
            engine.decide(Stage.INPUT, REQUEST, List.of(invented, known), List.of());
        }
        assertThat(meters.get("veto.policy.unknown.categories").tag("classifier", "vendor").counter().count()).isEqualTo(3);
        // the bundled policy's default thresholds: constrain at 0.5, refuse at 0.8
        assertThat(engine.decide(Stage.INPUT, REQUEST, List.of(invented), List.of()).ruling().verdict())
                .isEqualTo(Verdict.REFUSE);
        Signal weaker = new Signal("crypto-scams", 0.6, 1.0, List.of(), List.of(), "vendor");
        assertThat(engine.decide(Stage.INPUT, REQUEST, List.of(weaker), List.of()).ruling().verdict())
                .isEqualTo(Verdict.CONSTRAIN);
    }

    @Test
    void withoutAPolicyDirectoryTheBundledPolicyApplies() {
        start(Map.of("veto.policy.watch", false));
        assertThat(engine.version()).isEqualTo(PolicyBundle.load(PolicySource.bundled()).version());
    }

    @Test
    void aValidChangeReplacesThePolicyAndAnInvalidOneIsRejected() {
        PolicyFixture policy = PolicyFixture.copyBundled(home.resolve("conf/policy"));
        start(Map.of("veto.policy.watch", false));
        String first = engine.version();
        List<String> switched = new ArrayList<>();
        engine.onSwitch(switched::add);
        assertThat(verdict()).isEqualTo(Verdict.CONSTRAIN);

        policy.append("policy.conf", "preset = strict");
        assertThat(engine.reload()).isEqualTo(PolicyEngine.ReloadOutcome.APPLIED);
        assertThat(engine.version()).isNotEqualTo(first);
        assertThat(verdict()).isEqualTo(Verdict.REFUSE);
        assertThat(switched).containsExactly(engine.version());
        assertThat(reloads("applied")).isEqualTo(1);

        String good = engine.version();
        policy.append("policy.conf", "thresholds.refuse = never");
        assertThat(engine.reload()).isEqualTo(PolicyEngine.ReloadOutcome.REJECTED);
        assertThat(engine.version()).isEqualTo(good);
        assertThat(verdict()).isEqualTo(Verdict.REFUSE);
        assertThat(reloads("rejected")).isEqualTo(1);
        assertThat(switched).hasSize(1);

        assertThat(engine.reload()).isEqualTo(PolicyEngine.ReloadOutcome.REJECTED);
        assertThat(reloads("rejected")).isEqualTo(2);
    }

    @Test
    void theWatcherReloadsWhenAFileChanges() throws Exception {
        PolicyFixture policy = PolicyFixture.copyBundled(home.resolve("conf/policy"));
        start(Map.of("veto.policy.watch", true, "veto.policy.watch-debounce", "100ms"));
        String first = engine.version();
        policy.write("jurisdictions/FR.conf", "categories.hate { refuse = 0.6 }");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (engine.version().equals(first) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(engine.version()).isNotEqualTo(first);
        assertThat(engine.active().overlays()).contains("jurisdiction:FR");
    }

    @Test
    void aShadowPolicyIsCountedAndLoggedButNeverChangesTheVerdict() {
        PolicyFixture.copyBundled(home.resolve("conf/policy"));
        PolicyFixture.copyBundled(home.resolve("conf/policy-candidate")).append("policy.conf", "preset = strict");
        start(Map.of("veto.policy.watch", false, "veto.policy.shadow-directory", "conf/policy-candidate"));
        assertThat(engine.shadow()).isPresent();

        assertThat(verdict()).isEqualTo(Verdict.CONSTRAIN);                 // the active policy decides
        engine.decide(Stage.INPUT, REQUEST, List.of(Signal.of("hate", 0.1)), List.of()); // both allow

        assertThat(meters.counter("veto.policy.shadow.evaluations").count()).isEqualTo(2);
        // the chain's look-ahead (does the cascade's first tier decide?) is no decision: not compared, not counted
        assertThat(engine.preview(Stage.INPUT, REQUEST, List.of(Signal.of("hate", 0.7)), List.of()).ruling().verdict())
                .isEqualTo(Verdict.CONSTRAIN);
        assertThat(meters.counter("veto.policy.shadow.evaluations").count()).isEqualTo(2);
        assertThat(meters.find("veto.policy.shadow.disagreements").tag("active", "CONSTRAIN").tag("shadow", "REFUSE")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void anInvalidShadowPolicyIsDisabledNotFatal() {
        PolicyFixture.copyBundled(home.resolve("conf/policy"));
        PolicyFixture.copyBundled(home.resolve("conf/policy-candidate")).append("policy.conf", "preset = reckless");
        start(Map.of("veto.policy.watch", false, "veto.policy.shadow-directory", "conf/policy-candidate"));
        assertThat(engine.shadow()).isEmpty();
        assertThat(verdict()).isEqualTo(Verdict.CONSTRAIN);
    }
}
