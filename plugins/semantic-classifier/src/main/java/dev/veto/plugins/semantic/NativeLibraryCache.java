package dev.veto.plugins.semantic;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps ONNX Runtime's native libraries in the plugin's data directory, extracted once per ONNX Runtime
 * version, and points ONNX Runtime there.
 *
 * <p>Left to itself, ONNX Runtime copies its 22 MB of native libraries into a new {@code onnxruntime-java*}
 * directory under {@code java.io.tmpdir} at every start and asks the JVM to delete them on exit — in an
 * order that leaves the directory behind every time, and the libraries too when the process is killed. A
 * CLI run per check, or a server restarted by its supervisor, fills the temporary directory. With
 * {@code onnxruntime.native.path} set, ONNX Runtime loads the libraries in place and its own temporary
 * directory stays empty, so the JVM can remove it.
 *
 * <p>An operator who sets {@code onnxruntime.native.path} (or runs on a platform whose libraries the jar
 * does not carry) keeps ONNX Runtime's own behaviour.
 */
final class NativeLibraryCache {

    /** The system property ONNX Runtime reads the library directory from. */
    static final String PROPERTY = "onnxruntime.native.path";

    private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

    private NativeLibraryCache() {
    }

    /**
     * Extracts the libraries into {@code dataDirectory} unless they are there already, and sets
     * {@link #PROPERTY} to their directory, before anything has loaded ONNX Runtime.
     *
     * @param dataDirectory the plugin's data directory
     * @return the directory ONNX Runtime will load from, or empty where its own behaviour was kept
     */
    static synchronized Optional<Path> install(Path dataDirectory) {
        if (System.getProperty(PROPERTY) != null) {
            return Optional.empty();
        }
        Optional<String> platform = platform();
        if (platform.isEmpty() || resource(platform.get(), LIBRARIES.get(0)) == null) {
            return Optional.empty();
        }
        String version = Optional.ofNullable(OrtEnvironment.class.getPackage().getImplementationVersion()).orElse("unknown");
        Path directory = dataDirectory.resolve("native").resolve("onnxruntime-" + version).resolve(platform.get());
        try {
            Files.createDirectories(directory);
            for (String library : LIBRARIES) {
                extract(platform.get(), library, directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract ONNX Runtime's native libraries into " + directory, e);
        }
        System.setProperty(PROPERTY, directory.toString());
        return Optional.of(directory);
    }

    /**
     * Copies one library unless a file of the jar entry's size is already there (a version's libraries never
     * change; a half-written file from an interrupted copy never carries the final name).
     */
    private static void extract(String platform, String library, Path directory) throws IOException {
        String name = System.mapLibraryName(library);
        Path target = directory.resolve(name);
        URL source = resource(platform, library);
        if (source == null) {
            throw new IOException(name + " is missing from the ONNX Runtime jar for " + platform);
        }
        URLConnection connection = source.openConnection();
        long size = connection.getContentLengthLong();
        if (size >= 0 && Files.isRegularFile(target) && Files.size(target) == size) {
            return;
        }
        Path partial = Files.createTempFile(directory, name, ".partial");
        try (InputStream in = connection.getInputStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            moveIntoPlace(partial, target);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Another process may be extracting the same files: the last complete copy wins, none is ever torn. */
    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static URL resource(String platform, String library) {
        return NativeLibraryCache.class.getClassLoader()
                .getResource("ai/onnxruntime/native/" + platform + "/" + System.mapLibraryName(library));
    }

    /** The jar's folder name for this machine, as ONNX Runtime names it ({@code linux-x64}, {@code osx-aarch64}…). */
    static Optional<String> platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.contains("linux") ? "linux" : os.contains("mac") || os.contains("darwin") ? "osx"
                : os.contains("win") ? "win" : null;
        String archName = switch (arch) {
            case "amd64", "x86_64", "x64" -> "x64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        return osName == null || archName == null ? Optional.empty() : Optional.of(osName + "-" + archName);
    }
}
