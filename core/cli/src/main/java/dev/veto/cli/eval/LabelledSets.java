package dev.veto.cli.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads labelled JSONL files. A bad line (malformed JSON, no prompt, an unknown label, a duplicate id) is
 * reported with its file and line and skipped; the rest of the file is still read.
 */
public final class LabelledSets {

    /** What was read, and the lines that could not be. */
    public record Loaded(List<LabelledPrompt> prompts, List<String> problems) {
    }

    private LabelledSets() {
    }

    /**
     * Reads every file in order.
     *
     * @param files JSONL files
     * @param limit at most this many rows per file (0: all)
     * @return the prompts and the problems
     * @throws IOException if a file cannot be read or is not UTF-8
     */
    public static Loaded read(List<Path> files, int limit) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<LabelledPrompt> prompts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            int taken = 0;
            int lineNumber = 0;
            try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lineNumber++;
                    if (line.isBlank() || (limit > 0 && taken >= limit)) {
                        continue;
                    }
                    String where = file.getFileName() + ":" + lineNumber + ": ";
                    try {
                        LabelledPrompt prompt = parse(mapper.readTree(line), file);
                        if (!ids.add(prompt.id())) {
                            problems.add(where + "duplicate id '" + prompt.id() + "', skipped");
                            continue;
                        }
                        prompts.add(prompt);
                        taken++;
                    } catch (JsonProcessingException e) {
                        problems.add(where + "malformed JSON: " + e.getOriginalMessage());
                    } catch (IllegalArgumentException e) {
                        problems.add(where + e.getMessage());
                    }
                }
            } catch (CharacterCodingException e) {
                throw new IOException(file + ": not UTF-8 near line " + (lineNumber + 1), e);
            }
        }
        return new Loaded(prompts, problems);
    }

    private static LabelledPrompt parse(JsonNode row, Path file) {
        if (!row.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String prompt = row.path("prompt").asText("");
        if (prompt.isBlank()) {
            throw new IllegalArgumentException("no \"prompt\"");
        }
        String label = row.path("label").asText("").toLowerCase(Locale.ROOT);
        if (!label.equals("safe") && !label.equals("unsafe")) {
            throw new IllegalArgumentException("\"label\" must be safe or unsafe, was '" + label + "'");
        }
        String fileName = file.getFileName().toString();
        String source = row.path("source").asText(fileName.replaceFirst("\\.jsonl$", ""));
        String id = row.path("id").asText("");
        if (id.isBlank()) {
            throw new IllegalArgumentException("no \"id\"");
        }
        return new LabelledPrompt(id, prompt, label.equals("unsafe"), row.path("category").asText(""),
                row.path("lang").asText(""), source, LabelledPrompt.CLEAN, RowContext.of(row), RowHistory.of(row));
    }
}
