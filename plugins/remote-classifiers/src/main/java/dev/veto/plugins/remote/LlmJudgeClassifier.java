package dev.veto.plugins.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veto.spi.classifier.ClassificationInput;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.request.Message;
import dev.veto.spi.signal.Signal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Asks a Llama Guard style model whether the judged text is safe, over the OpenAI Chat Completions API, and
 * turns its answer — {@code safe}, or {@code unsafe} and a line of category codes — into signals. An answer
 * it cannot read (another first line, an unknown code) is a failure, not a pass: the stage's failure
 * behaviour decides, so a confused judge never lets a request through silently.
 */
final class LlmJudgeClassifier implements Classifier {

    private final Endpoint endpoint;
    private final ObjectMapper mapper;
    private final String model;
    private final boolean templated;
    private final LlamaGuardPrompt prompt;
    private final Map<String, JudgeCategory> byCode = new LinkedHashMap<>();
    private final double unsafeScore;
    private final double confidence;

    LlmJudgeClassifier(Endpoint endpoint, ObjectMapper mapper, JudgeSettings settings) {
        this.endpoint = endpoint;
        this.mapper = mapper;
        this.model = settings.model();
        this.templated = settings.templated();
        this.prompt = new LlamaGuardPrompt(settings.categories(), settings.contextTurns(), settings.maxCharsPerTurn());
        settings.categories().forEach(c -> byCode.put(c.code().toUpperCase(Locale.ROOT), c));
        this.unsafeScore = settings.unsafeScore();
        this.confidence = settings.confidence();
    }

    @Override
    public List<Signal> classify(ClassificationInput input) throws IOException, InterruptedException {
        ObjectNode body = mapper.createObjectNode();
        body.put("model", model);
        body.put("temperature", 0);
        body.put("max_tokens", 32);
        ArrayNode messages = body.putArray("messages");
        List<Message> conversation = input.request().conversation();
        if (templated) {
            messages.addObject().put("role", "user").put("content", prompt.write(input.stage(), conversation, input.text()));
        } else {
            for (Message turn : prompt.context(input.stage(), conversation)) {
                messages.addObject().put("role", turn.role().name().toLowerCase(Locale.ROOT)).put("content", turn.content());
            }
            messages.addObject().put("role", input.stage() == Stage.OUTPUT ? "assistant" : "user").put("content", input.text());
        }
        JsonNode answer = endpoint.post("/chat/completions", body);
        JsonNode content = answer.path("choices").path(0).path("message").path("content");
        if (!content.isTextual()) {
            throw new IOException("the judge answered without a message");
        }
        return read(content.asText());
    }

    /** Reads the judge's verdict: {@code safe}, or {@code unsafe} and the violated codes on the next line. */
    List<Signal> read(String verdict) throws IOException {
        String[] lines = verdict.strip().split("\\R+");
        String first = lines[0].strip().toLowerCase(Locale.ROOT);
        if (first.equals("safe")) {
            return List.of();
        }
        if (!first.equals("unsafe")) {
            throw new IOException("the judge's answer does not start with safe or unsafe: " + abbreviate(verdict));
        }
        if (lines.length < 2 || lines[1].isBlank()) {
            throw new IOException("the judge answered unsafe without naming a category");
        }
        List<Signal> signals = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String code : lines[1].split("[,\\s]+")) {
            if (code.isBlank()) {
                continue;
            }
            JudgeCategory category = byCode.get(code.strip().toUpperCase(Locale.ROOT));
            if (category == null) {
                throw new IOException("the judge named category '" + code.strip() + "', which is not configured (known: "
                        + String.join(", ", byCode.keySet()) + ")");
            }
            if (seen.add(category.category())) {
                signals.add(Signal.of(category.category(), unsafeScore).withConfidence(confidence)
                        .withEvidence(List.of("judge: unsafe " + category.code() + " " + category.title())));
            }
        }
        return signals;
    }

    @Override
    public Set<String> categories() {
        return byCode.values().stream().map(JudgeCategory::category).collect(Collectors.toUnmodifiableSet());
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }
}
