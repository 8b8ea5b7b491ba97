package dev.veto.core.policy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.veto.core.config.VetoConfigException;
import dev.veto.core.trace.ComponentCall;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.policy.Constraint;
import dev.veto.spi.policy.Ruling;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.request.Request;
import dev.veto.spi.signal.Signal;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The host's built-in policy: per-category score thresholds, configured under {@code veto.policy}.
 *
 * <p>Each signal earns the strictest verdict whose threshold its score reaches (its category's thresholds,
 * falling back to {@code veto.policy.thresholds}); the strictest verdict over all signals wins, ties going
 * to the higher score. A fail-closed component failure earns {@code veto.policy.on-component-failure}. The
 * rule id names what fired: {@code threshold/<category>/<verdict>}, {@code failure/<component>} or
 * {@code default/allow}; output-stage rules are prefixed {@code output/}.
 *
 * <p>The policy version is the policy's name and the first 12 hex digits of the SHA-256 of its rendered
 * settings, so any change to the policy changes the version recorded with every decision.
 */
public final class ThresholdPolicyGate implements PolicyGate {

    private static final String PATH = "veto.policy";

    private final String version;
    private final Thresholds defaults;
    private final Map<String, Thresholds> categories;
    private final Verdict failureVerdict;

    /**
     * Reads the policy from configuration.
     *
     * @param config the host configuration
     * @throws VetoConfigException if a threshold or constraint is invalid
     */
    @Inject
    public ThresholdPolicyGate(@Named("veto") Config config) {
        Config policy = config.getConfig(PATH);
        this.version = policy.getString("name") + "@" + hash(policy);
        this.defaults = thresholds(policy, "thresholds", policy.getConfig("thresholds"),
                constraints(policy, "constraints", policy.getStringList("constraints")));
        this.categories = new LinkedHashMap<>();
        for (String category : policy.getObject("categories").keySet()) {
            String path = ConfigUtil.joinPath("categories", category);
            Config merged = policy.getConfig(path).withFallback(policy.getConfig("thresholds"));
            Set<Constraint> constraints = merged.hasPath("constraints")
                    ? constraints(policy, path + ".constraints", merged.getStringList("constraints"))
                    : defaults.constraints();
            categories.put(category, thresholds(policy, path, merged, constraints));
        }
        this.failureVerdict = failureVerdict(policy);
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Ruling decide(Stage stage, Request request, List<Signal> signals, List<ComponentCall> calls) {
        String prefix = stage == Stage.OUTPUT ? "output/" : "";
        List<ComponentCall> failedClosed = calls.stream().filter(ComponentCall::failedClosed).toList();
        List<ComponentCall> failedOpen = calls.stream()
                .filter(c -> !c.outcome().succeeded() && !c.failedClosed()).toList();

        Verdict verdict = Verdict.ALLOW;
        Signal strongest = null;
        List<Signal> firing = new ArrayList<>();
        for (Signal signal : signals) {
            Verdict earned = thresholdsOf(signal.category()).verdictFor(signal.score());
            if (earned == Verdict.ALLOW) {
                continue;
            }
            firing.add(signal);
            if (earned.ordinal() > verdict.ordinal()
                    || (earned == verdict && strongest != null && signal.score() > strongest.score())) {
                verdict = earned;
                strongest = signal;
            }
        }
        firing.sort(Comparator.comparingInt((Signal s) -> thresholdsOf(s.category()).verdictFor(s.score()).ordinal())
                .thenComparingDouble(Signal::score).reversed());
        List<String> categoryIds = firing.stream().map(Signal::category).distinct().toList();

        StringBuilder rationale = new StringBuilder();
        if (!failedClosed.isEmpty() && failureVerdict.ordinal() >= verdict.ordinal()) {
            ComponentCall first = failedClosed.get(0);
            rationale.append(describeFailures(failedClosed)).append(": fail-closed, so the policy's failure verdict ")
                    .append(failureVerdict).append(" applies");
            appendSignals(rationale, firing);
            appendFailOpen(rationale, failedOpen);
            return new Ruling(failureVerdict, Set.of(), prefix + "failure/" + first.component(), categoryIds,
                    rationale.toString(), version, firing);
        }
        if (strongest == null) {
            rationale.append("no signal reached a threshold");
            signals.stream().max(Comparator.comparingDouble(Signal::score)).ifPresent(s ->
                    rationale.append(" (highest: ").append(describe(s)).append(')'));
            appendFailOpen(rationale, failedOpen);
            return new Ruling(Verdict.ALLOW, Set.of(), prefix + "default/allow", List.of(), rationale.toString(),
                    version, List.of());
        }
        Thresholds fired = thresholdsOf(strongest.category());
        rationale.append(describe(strongest)).append(" reached the ").append(verdict.name().toLowerCase(Locale.ROOT))
                .append(" threshold ").append(format(fired.threshold(verdict).orElse(0)))
                .append(" of category ").append(strongest.category());
        Signal winner = strongest;
        appendSignals(rationale, firing.stream().filter(s -> s != winner).toList());
        appendFailOpen(rationale, failedOpen);
        Set<Constraint> constraints = verdict == Verdict.CONSTRAIN ? constraintsOf(firing) : Set.of();
        return new Ruling(verdict, constraints,
                prefix + "threshold/" + strongest.category() + "/" + verdict.name().toLowerCase(Locale.ROOT),
                categoryIds, rationale.toString(), version, firing);
    }

    private Set<Constraint> constraintsOf(List<Signal> firing) {
        Set<Constraint> constraints = EnumSet.noneOf(Constraint.class);
        for (Signal signal : firing) {
            Thresholds thresholds = thresholdsOf(signal.category());
            if (thresholds.verdictFor(signal.score()) == Verdict.CONSTRAIN) {
                constraints.addAll(thresholds.constraints());
            }
        }
        return constraints;
    }

    private Thresholds thresholdsOf(String category) {
        return categories.getOrDefault(category, defaults);
    }

    private static void appendSignals(StringBuilder rationale, List<Signal> others) {
        if (!others.isEmpty()) {
            rationale.append("; also ").append(others.stream().map(ThresholdPolicyGate::describe)
                    .collect(Collectors.joining(", ")));
        }
    }

    private static void appendFailOpen(StringBuilder rationale, List<ComponentCall> failedOpen) {
        if (!failedOpen.isEmpty()) {
            rationale.append("; ").append(describeFailures(failedOpen)).append(" (fail-open, ignored)");
        }
    }

    private static String describeFailures(List<ComponentCall> failures) {
        return failures.stream().map(c -> c.component() + " " + c.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + (c.error().isEmpty() ? "" : " (" + c.error() + ")"))
                .collect(Collectors.joining(", "));
    }

    private static String describe(Signal signal) {
        StringBuilder text = new StringBuilder(signal.category()).append(' ').append(format(signal.score()));
        if (!signal.classifier().isEmpty()) {
            text.append(" from ").append(signal.classifier());
        }
        if (!signal.evidence().isEmpty()) {
            text.append(" [").append(String.join("; ", signal.evidence())).append(']');
        }
        return text.toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static Thresholds thresholds(Config policy, String path, Config block, Set<Constraint> constraints) {
        return new Thresholds(threshold(policy, path, block, "constrain"), threshold(policy, path, block, "escalate"),
                threshold(policy, path, block, "refuse"), constraints);
    }

    private static OptionalDouble threshold(Config policy, String path, Config block, String verdict) {
        if (!block.hasPathOrNull(verdict) || block.getIsNull(verdict)) {
            return OptionalDouble.empty();
        }
        ConfigValue value = block.getValue(verdict);
        if (value.valueType() == ConfigValueType.STRING && "off".equals(value.unwrapped())) {
            return OptionalDouble.empty();
        }
        try {
            double threshold = block.getDouble(verdict);
            if (threshold < 0 || threshold > 1) {
                throw VetoConfigException.at(value.origin(), PATH + "." + path + "." + verdict,
                        "a threshold must lie in [0, 1] or be off, got " + threshold);
            }
            return OptionalDouble.of(threshold);
        } catch (ConfigException.WrongType e) {
            throw VetoConfigException.at(value.origin(), PATH + "." + path + "." + verdict,
                    "a threshold must be a number in [0, 1] or off, got " + value.render());
        }
    }

    private static Set<Constraint> constraints(Config policy, String path, List<String> names) {
        Set<Constraint> constraints = EnumSet.noneOf(Constraint.class);
        for (String name : names) {
            try {
                constraints.add(Constraint.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw VetoConfigException.at(policy.getValue(path).origin(), PATH + "." + path,
                        "unknown constraint '" + name + "' (known: high-level-only, disclaimer, professional-referral, supervised)");
            }
        }
        return constraints;
    }

    private static Verdict failureVerdict(Config policy) {
        String value = policy.getString("on-component-failure");
        return switch (value) {
            case "refuse" -> Verdict.REFUSE;
            case "escalate" -> Verdict.ESCALATE;
            default -> throw VetoConfigException.at(policy.getValue("on-component-failure").origin(),
                    PATH + ".on-component-failure", "expected refuse or escalate, got '" + value + "'");
        };
    }

    private static String hash(Config policy) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    policy.root().render(ConfigRenderOptions.concise()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
