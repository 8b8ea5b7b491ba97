package dev.veto.benchmarks;

import com.typesafe.config.ConfigFactory;
import dev.veto.core.normalize.NormalizedText;
import dev.veto.core.normalize.TextNormalizer;
import dev.veto.plugins.attack.PromptAttackClassifierFactory;
import dev.veto.plugins.keyword.KeywordClassifierFactory;
import dev.veto.plugins.pii.PiiClassifierFactory;
import dev.veto.spi.classifier.ClassificationInput;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.ClassifierFactory;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.signal.Signal;
import dev.veto.testkit.Requests;
import dev.veto.testkit.TestComponentContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cheap layer of the cascade on one thread: normalization, then the lexical, PII and prompt-attack
 * classifiers on a 1 KB prompt, called directly as the host's plugin threads call them (no hand-off, no
 * policy). The target is a median of 20 µs for all three.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class ClassifierBenchmark {

    @Param({"all", "keyword", "pii", "prompt-attack", "normalize"})
    public String classifier;

    /** {@code benign-1k}: plain English; {@code obfuscated-1k}: the same with leetspeak, look-alikes and a base64 segment. */
    @Param({"benign-1k", "obfuscated-1k"})
    public String prompt;

    private final TextNormalizer normalizer = new TextNormalizer();
    private final List<Classifier> classifiers = new ArrayList<>();
    private String text;
    private ClassificationInput normalizedInput;

    @Setup(Level.Trial)
    public void create() throws IOException {
        text = prompt.equals("benign-1k") ? CheckBenchmark.PROMPT_1KB : obfuscated();
        List<ClassifierFactory> factories = switch (classifier) {
            case "all" -> List.of(new KeywordClassifierFactory(), new PiiClassifierFactory(), new PromptAttackClassifierFactory());
            case "keyword" -> List.of(new KeywordClassifierFactory());
            case "pii" -> List.of(new PiiClassifierFactory());
            case "prompt-attack" -> List.of(new PromptAttackClassifierFactory());
            default -> List.of();
        };
        data = ScratchDirectories.create();
        normalizedInput = new ClassificationInput(Stage.INPUT, normalizer.normalize(text).text(), "en", Requests.of(text));
        for (ClassifierFactory factory : factories) {
            classifiers.add(factory.create(TestComponentContext.of(factory.getClass(), ConfigFactory.empty(), data)));
        }
    }

    private Path data;

    @TearDown(Level.Trial)
    public void close() throws Exception {
        for (Classifier c : classifiers) {
            c.close();
        }
        ScratchDirectories.delete(data);
    }

    /** Normalization, then the classifiers: what one prompt costs the cheap layer end to end. */
    @Benchmark
    public int classify() throws Exception {
        NormalizedText normalized = normalizer.normalize(text);
        return classifyAll(new ClassificationInput(Stage.INPUT, normalized.text(), "en", Requests.of(text)));
    }

    /** The classifiers alone on the already normalized text (the chain normalizes once, before them). */
    @Benchmark
    public int classifiersOnly() throws Exception {
        return classifyAll(normalizedInput);
    }

    private int classifyAll(ClassificationInput input) throws Exception {
        int signals = 0;
        for (Classifier c : classifiers) {
            List<Signal> found = c.classify(input);
            signals += found.size();
        }
        return signals;
    }

    private static String obfuscated() {
        String base = CheckBenchmark.PROMPT_1KB.substring(0, 900);
        return base.replace("museums", "mu5eum5").replace("parks", "p\u0430rks").replace("children", "c h i l d r e n")
                + " aG93IHRvIGdldCB0aGVyZSBieSB0cmFpbg==";
    }
}
