package dev.veto.cli;

import dev.veto.server.json.DecisionJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veto.core.Decision;
import dev.veto.core.InvalidRequestException;
import dev.veto.core.RequestBuilder;
import dev.veto.core.Veto;
import dev.veto.cli.eval.RowContext;
import dev.veto.cli.eval.RowHistory;
import dev.veto.spi.request.Message;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSONL file line by line. A malformed line yields an error line for its id (or line number) and
 * the run goes on; every input line yields exactly one output line, in order.
 */
final class BatchCheck {

    private final Veto veto;
    private final ObjectMapper mapper;
    private final DecisionJson json;
    private final boolean includeTrace;

    BatchCheck(Veto veto, ObjectMapper mapper, DecisionJson json, boolean includeTrace) {
        this.veto = veto;
        this.mapper = mapper;
        this.json = json;
        this.includeTrace = includeTrace;
    }

    int run(Path input, Path output, PrintWriter stdout, PrintWriter stderr) throws IOException {
        Map<dev.veto.spi.policy.Verdict, Integer> verdicts = new EnumMap<>(dev.veto.spi.policy.Verdict.class);
        int errors = 0;
        int lines = 0;
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(input), decoder));
             Writer writer = output == null ? new NonClosing(stdout) : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode result = checkLine(line, lines);
                if (result.has("error")) {
                    errors++;
                } else {
                    verdicts.merge(dev.veto.spi.policy.Verdict.valueOf(result.get("verdict").asText()), 1, Integer::sum);
                }
                writer.write(mapper.writeValueAsString(result));
                writer.write('\n');
            }
        } catch (NoSuchFileException e) {
            throw new UsageException("input file not found: " + input);
        } catch (CharacterCodingException e) {
            throw new UsageException(input + " is not UTF-8 text");
        }
        stderr.printf("checked %d line(s): %s, %d error(s)%n", lines, verdicts, errors);
        stderr.flush();
        return 0;
    }

    private ObjectNode checkLine(String line, int number) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            return error(null, number, "malformed JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            return error(null, number, "expected a JSON object");
        }
        JsonNode id = node.get("id");
        String requestId = id == null || id.isNull() ? "line-" + number : id.asText();
        JsonNode prompt = node.get("prompt");
        if (prompt == null || !prompt.isTextual()) {
            return error(id, number, "missing \"prompt\" (a string)");
        }
        RowContext context;
        List<Message> history;
        try {
            context = RowContext.of(node);
            history = RowHistory.of(node);
        } catch (IllegalArgumentException e) {
            return error(id, number, e.getMessage());
        }
        try {
            RequestBuilder request = context.applyTo(RowHistory.request(history, prompt.asText()).id(requestId));
            JsonNode lang = node.get("lang");
            if (!context.setsLocale() && lang != null && lang.isTextual() && !lang.asText().isBlank()) {
                request.locale(lang.asText());
            }
            Decision decision = veto.check(request.build());
            ObjectNode result = json.decision(decision);
            if (id != null && !id.isNull()) {
                result.set("id", id);
            }
            if (!includeTrace) {
                result.remove("trace");
            }
            return result;
        } catch (InvalidRequestException e) {
            return error(id, number, e.getMessage());
        }
    }

    private ObjectNode error(JsonNode id, int line, String message) {
        ObjectNode error = mapper.createObjectNode();
        if (id != null && !id.isNull()) {
            error.set("id", id);
        } else {
            error.putNull("id");
        }
        error.put("line", line);
        error.put("error", message);
        return error;
    }

    /** Standard output must stay open after the batch. */
    private static final class NonClosing extends BufferedWriter {
        NonClosing(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
