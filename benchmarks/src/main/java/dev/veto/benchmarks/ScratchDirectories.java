package dev.veto.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directories a benchmark trial creates for its host or plugins, and removes at tear-down. */
final class ScratchDirectories {

    private ScratchDirectories() {
    }

    static Path create() throws IOException {
        return Files.createTempDirectory("veto-bench");
    }

    static void delete(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
