package dev.veto.plugins.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Once the encoder is up, the copies of ONNX Runtime's libraries in java.io.tmpdir are gone. */
class ExtractedLibrariesTest {

    @Test
    void theExtractedCopiesAreGoneOnceTheRuntimeIsLoaded() throws Exception {
        try (SentenceEncoder encoder = new SentenceEncoder(16, 1)) {
            assertThat(encoder.encode("a loaded runtime")).hasSize(SentenceEncoder.DIMENSIONS);
        }
        // if an ONNX Runtime upgrade renames the field, this says so (and the clean-up silently stops)
        Path directory = ExtractedLibraries.extractionDirectory().orElseThrow();
        assertThat(directory.getFileName().toString()).startsWith("onnxruntime-java");
        assertThat(Files.exists(directory)).isFalse();
        assertThat(ExtractedLibraries.remove()).isEmpty();
    }
}
