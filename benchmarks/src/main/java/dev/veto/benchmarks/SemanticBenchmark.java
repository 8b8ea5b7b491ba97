package dev.veto.benchmarks;

import com.typesafe.config.ConfigFactory;
import dev.veto.plugins.semantic.SemanticClassifierFactory;
import dev.veto.spi.classifier.ClassificationInput;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.Stage;
import dev.veto.testkit.Requests;
import dev.veto.testkit.TestComponentContext;
import java.nio.file.Path;
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
 * The semantic classifier (MiniLM on ONNX Runtime, one intra-op thread, plus the head) on one thread, called
 * directly as the host's plugin threads call it. The target is a median of 5 ms per prompt on one core.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class SemanticBenchmark {

    /**
     * {@code short}: a typical one-line request; {@code short-de}: one in German, also read in its English
     * gloss (two inferences); {@code 1k}: the 1 KB prompt (cut at 256 tokens by the model).
     */
    @Param({"short", "short-de", "1k"})
    public String prompt;

    private Classifier classifier;
    private ClassificationInput input;
    private Path data;

    @Setup(Level.Trial)
    public void create() throws Exception {
        data = ScratchDirectories.create();
        classifier = new SemanticClassifierFactory().create(TestComponentContext.of(SemanticClassifierFactory.class,
                ConfigFactory.empty(), data));
        String text = switch (prompt) {
            case "short" -> "What's the best way to shoot a photo of the moon at night?";
            case "short-de" -> "Wie fotografiere ich den Mond in der Nacht am besten?";
            default -> CheckBenchmark.PROMPT_1KB;
        };
        input = new ClassificationInput(Stage.INPUT, text, prompt.equals("short-de") ? "de" : "en", Requests.of(text));
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        classifier.close();
        ScratchDirectories.delete(data);
    }

    @Benchmark
    public int classify() throws Exception {
        return classifier.classify(input).size();
    }
}
