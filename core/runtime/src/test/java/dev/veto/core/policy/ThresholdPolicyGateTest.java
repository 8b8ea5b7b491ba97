package dev.veto.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.veto.core.config.ConfigLoader;
import dev.veto.core.config.ConfigSources;
import dev.veto.core.trace.CallOutcome;
import dev.veto.core.trace.ComponentCall;
import dev.veto.core.trace.FailureMode;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.policy.Constraint;
import dev.veto.spi.policy.Ruling;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Request;
import dev.veto.spi.signal.Signal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThresholdPolicyGateTest {

    private static final Request REQUEST = new Request("r", List.of(Message.user("text")), null, null, null);

    private static ThresholdPolicyGate gate(Map<String, Object> overrides) {
        Config config = ConfigLoader.loadHostOnly(new ConfigSources(Path.of("."), Optional.empty(),
                ConfigFactory.parseMap(overrides)));
        return new ThresholdPolicyGate(config);
    }

    private static ComponentCall failed(String component, FailureMode mode) {
        return new ComponentCall(component, "p", CallOutcome.TIMED_OUT, Duration.ofMillis(250), List.of(), "no answer", mode);
    }

    @Test
    void noSignalAllows() {
        Ruling ruling = gate(Map.of()).decide(Stage.INPUT, REQUEST, List.of(), List.of());
        assertThat(ruling.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(ruling.rule()).isEqualTo("default/allow");
    }

    @Test
    void eachThresholdEarnsItsVerdict() {
        ThresholdPolicyGate gate = gate(Map.of());
        assertThat(gate.decide(Stage.INPUT, REQUEST, List.of(Signal.of("hate", 0.49)), List.of()).verdict()).isEqualTo(Verdict.ALLOW);
        Ruling constrained = gate.decide(Stage.INPUT, REQUEST, List.of(Signal.of("hate", 0.5)), List.of());
        assertThat(constrained.verdict()).isEqualTo(Verdict.CONSTRAIN);
        assertThat(constrained.constraints()).containsExactly(Constraint.HIGH_LEVEL_ONLY);
        assertThat(gate.decide(Stage.INPUT, REQUEST, List.of(Signal.of("hate", 0.8)), List.of()).verdict()).isEqualTo(Verdict.REFUSE);
    }

    @Test
    void categoryThresholdsOverrideTheDefaultsAndOffNeverFires() {
        ThresholdPolicyGate gate = gate(Map.of());
        Ruling advice = gate.decide(Stage.INPUT, REQUEST, List.of(Signal.of("specialized-advice", 0.99)), List.of());
        assertThat(advice.verdict()).isEqualTo(Verdict.CONSTRAIN);
        assertThat(advice.constraints()).containsExactlyInAnyOrder(Constraint.DISCLAIMER, Constraint.PROFESSIONAL_REFERRAL);
        assertThat(gate.decide(Stage.INPUT, REQUEST, List.of(Signal.of("child-exploitation", 0.3)), List.of()).verdict())
                .isEqualTo(Verdict.REFUSE);
    }

    @Test
    void aFailClosedFailureAppliesTheFailureVerdictAndFailOpenIsOnlyNoted() {
        ThresholdPolicyGate gate = gate(Map.of());
        Ruling closed = gate.decide(Stage.INPUT, REQUEST, List.of(), List.of(failed("lexicon", FailureMode.FAIL_CLOSED)));
        assertThat(closed.verdict()).isEqualTo(Verdict.REFUSE);
        assertThat(closed.rule()).isEqualTo("failure/lexicon");
        assertThat(closed.rationale()).contains("lexicon timed out (no answer): fail-closed");
        Ruling open = gate.decide(Stage.INPUT, REQUEST, List.of(), List.of(failed("lexicon", FailureMode.FAIL_OPEN)));
        assertThat(open.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(open.rationale()).contains("fail-open, ignored");
    }

    @Test
    void theFailureVerdictIsConfigurable() {
        Ruling ruling = gate(Map.of("veto.policy.on-component-failure", "escalate"))
                .decide(Stage.INPUT, REQUEST, List.of(), List.of(failed("x", FailureMode.FAIL_CLOSED)));
        assertThat(ruling.verdict()).isEqualTo(Verdict.ESCALATE);
    }

    @Test
    void outputRulesArePrefixed() {
        Ruling ruling = gate(Map.of()).decide(Stage.OUTPUT, REQUEST, List.of(Signal.of("hate", 0.9)), List.of());
        assertThat(ruling.rule()).isEqualTo("output/threshold/hate/refuse");
    }

    @Test
    void theVersionChangesWithThePolicyContent() {
        String base = gate(Map.of()).version();
        assertThat(base).startsWith("baseline@");
        assertThat(gate(Map.of()).version()).isEqualTo(base);
        assertThat(gate(Map.of("veto.policy.thresholds.refuse", 0.81)).version()).isNotEqualTo(base);
    }
}
