package dev.veto.plugins.semantic;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Removes the copies of its native libraries that ONNX Runtime extracted into {@code java.io.tmpdir} once
 * they are loaded.
 *
 * <p>ONNX Runtime copies its 22 MB of native libraries into a new {@code onnxruntime-java*} directory at
 * every start and asks the JVM to delete them on exit — in an order that always leaves the directory
 * behind, and the libraries too when the process is killed: a CLI run per check, or a server its
 * supervisor restarts, fills the temporary directory. A loaded library needs no file any more on Linux and
 * macOS, so the copies go as soon as the runtime is up. (Pointing {@code onnxruntime.native.path} at one
 * cached copy instead does not work for a JVM that starts two hosts: a library file may be loaded by one
 * class loader only.) Where a file cannot be deleted (Windows keeps loaded libraries locked) it stays for
 * ONNX Runtime's own clean-up.
 */
final class ExtractedLibraries {

    private ExtractedLibraries() {
    }

    /**
     * Deletes the directory this class loader's ONNX Runtime extracted its libraries into, if it did.
     * Call it after the runtime is loaded ({@code OrtEnvironment.getEnvironment()}).
     *
     * @return the directory removed, or empty if there was none or it could not be removed
     */
    static Optional<Path> remove() {
        Optional<Path> directory = extractionDirectory();
        if (directory.isEmpty() || !Files.isDirectory(directory.get())) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory.get())) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory.get());
            return directory;
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * Where ONNX Runtime put its copies: a private field of its loader, read here because it offers no other
     * way; a version that renames it keeps its own behaviour.
     */
    static Optional<Path> extractionDirectory() {
        try {
            Class<?> runtime = Class.forName("ai.onnxruntime.OnnxRuntime", false, ExtractedLibraries.class.getClassLoader());
            Field field = runtime.getDeclaredField("tempDirectory");
            field.setAccessible(true);
            return field.get(null) instanceof Path path ? Optional.of(path) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
