package dev.veto.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads every {@code *.jsonl} set of a folder, in name order. */
final class LabelledSets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelledSets() {
    }

    static List<LabelledRow> read(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no *.jsonl set in " + folder);
        }
        List<LabelledRow> rows = new ArrayList<>();
        for (Path file : files) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int number = 0;
                while ((line = in.readLine()) != null) {
                    number++;
                    if (!line.isBlank()) {
                        rows.add(row(JSON.readTree(line), file + ":" + number));
                    }
                }
            }
        }
        return rows;
    }

    private static LabelledRow row(JsonNode node, String where) throws IOException {
        String label = text(node, "label", where);
        if (!label.equals("safe") && !label.equals("unsafe")) {
            throw new IOException(where + ": label must be safe or unsafe, was " + label);
        }
        return new LabelledRow(text(node, "id", where), text(node, "prompt", where), label.equals("unsafe"),
                node.path("category").asText(""), node.path("lang").asText("und"), node.path("source").asText(""));
    }

    private static String text(JsonNode node, String field, String where) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IOException(where + ": missing text field '" + field + "'");
        }
        return value.asText();
    }
}
