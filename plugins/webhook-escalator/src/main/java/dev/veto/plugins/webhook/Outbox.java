package dev.veto.plugins.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Deliveries on disk, one JSON file per case: written (and synced) before a case is acknowledged, replaced
 * atomically after each attempt, deleted once delivered, moved to {@code dead-letter/} after the last
 * attempt. A host that stops or crashes resumes its outbox when it starts again.
 */
final class Outbox {

    /**
     * One delivery.
     *
     * @param caseId        the case
     * @param payload       the JSON body
     * @param attempts      attempts made so far
     * @param nextAttemptAt when to try next, epoch milliseconds
     * @param lastError     why the last attempt failed, empty if none
     */
    record Delivery(String caseId, String payload, int attempts, long nextAttemptAt, String lastError) {
    }

    private final Path pending;
    private final Path deadLetters;
    private final ObjectMapper mapper = new ObjectMapper();

    Outbox(Path directory) throws IOException {
        this.pending = Files.createDirectories(directory.resolve("outbox"));
        this.deadLetters = Files.createDirectories(directory.resolve("dead-letter"));
    }

    void save(Delivery delivery) throws IOException {
        write(pending.resolve(fileName(delivery.caseId())), delivery);
    }

    void delivered(String caseId) throws IOException {
        Files.deleteIfExists(pending.resolve(fileName(caseId)));
    }

    void deadLetter(Delivery delivery) throws IOException {
        write(deadLetters.resolve(fileName(delivery.caseId())), delivery);
        Files.deleteIfExists(pending.resolve(fileName(delivery.caseId())));
    }

    List<Delivery> pending() throws IOException {
        return read(pending);
    }

    List<Delivery> deadLetters() throws IOException {
        return read(deadLetters);
    }

    private List<Delivery> read(Path directory) throws IOException {
        List<Delivery> deliveries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
            for (Path file : files) {
                try {
                    deliveries.add(mapper.readValue(file.toFile(), Delivery.class));
                } catch (IOException e) {
                    // a file cut short by a crash mid-write is never the only copy: writes go to a temporary
                    // file first, so a corrupt one here was put here by someone else
                    Files.move(file, file.resolveSibling(file.getFileName() + ".corrupt"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return deliveries;
    }

    private void write(Path target, Delivery delivery) throws IOException {
        ObjectNode node = mapper.valueToTree(delivery);
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temporary, mapper.writeValueAsBytes(node));
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String fileName(String caseId) {
        return caseId.replaceAll("[^A-Za-z0-9_-]", "_") + ".json";
    }
}
