package dev.veto.benchmarks;

import dev.veto.core.policy.PolicyBundle;
import dev.veto.core.policy.PolicyOutcome;
import dev.veto.core.policy.PolicySource;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Modality;
import dev.veto.spi.request.Request;
import dev.veto.spi.request.RequestContext;
import dev.veto.spi.signal.Signal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Policy evaluation alone: the bundled policy plus 50 context rules (exact, set and wildcard conditions on
 * tenant, role, channel, jurisdiction and locale, over several categories), ten signals, a request that
 * matches some of the rules.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PolicyBenchmark {

    private static final String[] CATEGORIES = {"violent-crimes", "non-violent-crimes", "hate", "privacy",
            "specialized-advice", "self-harm", "sexual-content", "elections", "prompt-attack", "intellectual-property"};

    private PolicyBundle policy;
    private Request request;
    private List<Signal> signals;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path root = Files.createTempDirectory("veto-policy-bench");
        copyBundledPolicy(root);
        StringBuilder rules = new StringBuilder("\nrules = ${rules} [\n");
        for (int i = 0; i < 50; i++) {
            String category = CATEGORIES[i % CATEGORIES.length];
            rules.append("  { id = r").append(i).append(", priority = ").append(i % 7).append(", when { ")
                    .append("tenant = [t").append(i % 10).append(", t").append((i + 3) % 10).append("], ")
                    .append(i % 2 == 0 ? "role = analyst, " : "channel = \"ch*\", ")
                    .append(i % 5 == 0 ? "jurisdiction = [DE, FR, EU], " : "")
                    .append(i % 3 == 0 ? "locale = \"en*\", " : "")
                    .append("category = ").append(category).append(", min-score = 0.").append(2 + i % 6)
                    .append(" }, then { verdict = ").append(i % 4 == 0 ? "refuse" : i % 4 == 1 ? "constrain" : i % 4 == 2 ? "escalate" : "allow")
                    .append(" } }\n");
        }
        rules.append("]\n");
        Files.writeString(root.resolve("policy.conf"), rules.toString(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        policy = PolicyBundle.load(PolicySource.directory(root));
        request = new Request("bench", List.of(Message.user("text")), Modality.TEXT, Locale.forLanguageTag("en-GB"),
                RequestContext.builder().tenant("t3").userRole("analyst").channel("chat").jurisdiction("FR").build());
        signals = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            signals.add(Signal.of(CATEGORIES[i], 0.3 + 0.06 * i).withClassifier("c" + (i % 3)));
        }
        PolicyOutcome outcome = policy.decide(Stage.INPUT, request, signals, List.of());
        if (!outcome.ruling().rationale().contains("by rule")) {
            throw new IllegalStateException("rules should decide some of the benchmark's signals: " + outcome.ruling());
        }
    }

    @Benchmark
    public PolicyOutcome decide() {
        return policy.decide(Stage.INPUT, request, signals, List.of());
    }

    private static void copyBundledPolicy(Path root) throws IOException {
        ClassLoader loader = PolicyBenchmark.class.getClassLoader();
        String index;
        try (InputStream in = loader.getResourceAsStream("veto-policy/index.txt")) {
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String file : index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            Path target = root.resolve(file);
            Files.createDirectories(target.getParent());
            try (InputStream in = loader.getResourceAsStream("veto-policy/" + file)) {
                Files.write(target, in.readAllBytes());
            }
        }
    }
}
