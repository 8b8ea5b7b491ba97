package dev.veto.plugins.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The libraries are extracted from the ONNX Runtime jar into the data directory once, whole, and ONNX
 * Runtime is pointed at them — unless the operator chose a directory.
 */
class NativeLibraryCacheTest {

    @TempDir
    Path data;

    private String before;

    @BeforeEach
    void clearProperty() {
        before = System.clearProperty(NativeLibraryCache.PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (before == null) {
            System.clearProperty(NativeLibraryCache.PROPERTY);
        } else {
            System.setProperty(NativeLibraryCache.PROPERTY, before);
        }
    }

    @Test
    void extractsTheLibrariesWholeAndPointsOnnxRuntimeAtThem() throws IOException {
        Path directory = NativeLibraryCache.install(data).orElseThrow();

        assertThat(directory).startsWith(data);
        assertThat(directory.getFileName().toString()).isEqualTo(NativeLibraryCache.platform().orElseThrow());
        assertThat(System.getProperty(NativeLibraryCache.PROPERTY)).isEqualTo(directory.toString());
        assertThat(Files.size(directory.resolve(System.mapLibraryName("onnxruntime")))).isEqualTo(jarEntrySize("onnxruntime"));
        assertThat(Files.size(directory.resolve(System.mapLibraryName("onnxruntime4j_jni")))).isEqualTo(jarEntrySize("onnxruntime4j_jni"));
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).as("no partial copies left").hasSize(2);
        }
    }

    @Test
    void aSecondStartReusesTheCopyAndATruncatedOneIsReplaced() throws IOException {
        Path directory = NativeLibraryCache.install(data).orElseThrow();
        Path runtime = directory.resolve(System.mapLibraryName("onnxruntime"));
        Path jni = directory.resolve(System.mapLibraryName("onnxruntime4j_jni"));
        FileTime old = FileTime.fromMillis(0);
        Files.setLastModifiedTime(runtime, old);
        Files.write(jni, new byte[] {1, 2, 3}); // a copy cut short, e.g. by a full disk

        System.clearProperty(NativeLibraryCache.PROPERTY);
        assertThat(NativeLibraryCache.install(data)).contains(directory);

        assertThat(Files.getLastModifiedTime(runtime)).as("not copied again").isEqualTo(old);
        assertThat(Files.size(jni)).isEqualTo(jarEntrySize("onnxruntime4j_jni"));
    }

    @Test
    void anOperatorsOwnDirectoryIsKept() {
        System.setProperty(NativeLibraryCache.PROPERTY, "/opt/onnxruntime/lib");

        assertThat(NativeLibraryCache.install(data)).isEmpty();
        assertThat(System.getProperty(NativeLibraryCache.PROPERTY)).isEqualTo("/opt/onnxruntime/lib");
        assertThat(data).isEmptyDirectory();
    }

    @Test
    void namesPlatformsAsTheJarDoes() {
        String os = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        try {
            System.setProperty("os.name", "Linux");
            System.setProperty("os.arch", "amd64");
            assertThat(NativeLibraryCache.platform()).contains("linux-x64");
            System.setProperty("os.name", "Mac OS X");
            System.setProperty("os.arch", "aarch64");
            assertThat(NativeLibraryCache.platform()).contains("osx-aarch64");
            System.setProperty("os.arch", "sparcv9");
            assertThat(NativeLibraryCache.platform()).isEqualTo(Optional.empty());
        } finally {
            System.setProperty("os.name", os);
            System.setProperty("os.arch", arch);
        }
    }

    private static long jarEntrySize(String library) throws IOException {
        String name = "ai/onnxruntime/native/" + NativeLibraryCache.platform().orElseThrow() + "/" + System.mapLibraryName(library);
        try (var in = NativeLibraryCache.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes().length;
        }
    }
}
