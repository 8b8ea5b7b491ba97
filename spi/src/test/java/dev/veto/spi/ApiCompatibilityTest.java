package dev.veto.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The SPI stays compatible with the API recorded for its major version ({@code src/test/resources/api/}):
 * nothing a plugin may use is removed or changed, and no interface gains an abstract method. Compatible
 * additions must be recorded too, so that the next change is checked against them: run
 * {@code ./mvnw -pl spi test -Dtest=ApiCompatibilityTest -Dtest.api.record=true} and commit the file.
 */
class ApiCompatibilityTest {

    private static final String BASELINE = "api/veto-spi-" + SpiVersion.CURRENT.major() + ".x.api";

    private static Set<String> baseline() throws IOException {
        try (InputStream in = ApiCompatibilityTest.class.getClassLoader().getResourceAsStream(BASELINE)) {
            assertThat(in).as("the baseline " + BASELINE).isNotNull();
            Set<String> lines = new LinkedHashSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(lines::add);
            return lines;
        }
    }

    @Test
    void theSpiIsCompatibleWithItsRecordedApi() throws IOException {
        Set<String> current = ApiSnapshot.ofCompiledSpi();
        if (Boolean.getBoolean("test.api.record")) {
            Path file = Path.of("src/test/resources", BASELINE);
            Files.writeString(file, "# The public API of veto-spi " + SpiVersion.CURRENT.major()
                    + ".x, recorded by ApiCompatibilityTest. Lines may be added, never removed or changed.\n"
                    + String.join("\n", new TreeSet<>(current)) + "\n");
        }
        Set<String> baseline = baseline();
        assertThat(ApiCompatibility.breakingChanges(baseline, current))
                .as("changes that break plugins built for SPI %s", SpiVersion.CURRENT).isEmpty();
        assertThat(ApiCompatibility.additions(baseline, current))
                .as("API added but not recorded: record it (see this test's javadoc)").isEmpty();
    }

    @Test
    void removingOrChangingAMethodIsCaught() {
        Set<String> baseline = Set.of(
                "x.Classifier : interface abstract",
                "x.Classifier method abstract java.util.List<x.Signal> classify(x.Input) throws java.lang.Exception");
        Set<String> changed = Set.of(
                "x.Classifier : interface abstract",
                "x.Classifier method abstract java.util.List<x.Signal> classify(x.Input, int) throws java.lang.Exception");
        assertThat(ApiCompatibility.breakingChanges(baseline, changed)).first().asString().startsWith("removed or changed:");
        assertThat(ApiCompatibility.breakingChanges(baseline, Set.of("x.Classifier : interface abstract"))).hasSize(1);
    }

    @Test
    void anAbstractMethodOnAnExistingInterfaceIsCaughtADefaultOneIsNot() {
        Set<String> baseline = Set.of("x.Retriever : interface abstract");
        Set<String> withAbstract = Set.of("x.Retriever : interface abstract", "x.Retriever method abstract void warmUp()");
        Set<String> withDefault = Set.of("x.Retriever : interface abstract", "x.Retriever method default void warmUp()");
        assertThat(ApiCompatibility.breakingChanges(baseline, withAbstract)).singleElement().asString().contains("make it default");
        assertThat(ApiCompatibility.breakingChanges(baseline, withDefault)).isEmpty();
        assertThat(ApiCompatibility.additions(baseline, withDefault)).containsExactly("x.Retriever method default void warmUp()");
    }

    @Test
    void theSnapshotSeesTheRealSpi() {
        List<String> classifier = ApiSnapshot.of(dev.veto.spi.classifier.Classifier.class);
        assertThat(classifier).contains("dev.veto.spi.classifier.Classifier : interface abstract",
                "dev.veto.spi.classifier.Classifier method default java.util.Set<java.lang.String> categories()");
        assertThat(ApiSnapshot.ofCompiledSpi()).contains("dev.veto.spi.policy.Verdict constant REFUSE");
    }
}
