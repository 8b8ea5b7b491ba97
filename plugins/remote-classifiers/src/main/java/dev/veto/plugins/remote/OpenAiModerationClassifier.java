package dev.veto.plugins.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veto.spi.classifier.ClassificationInput;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.signal.Signal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls an OpenAI moderation API ({@code POST /moderations}) and reports its category scores as signals in
 * Veto's taxonomy, the highest score where several of its categories map to one of Veto's. The policy's
 * thresholds decide; the API's own {@code flagged} is not used, so one policy governs every classifier.
 */
final class OpenAiModerationClassifier implements Classifier {

    private static final Logger log = LoggerFactory.getLogger(OpenAiModerationClassifier.class);

    private final Endpoint endpoint;
    private final ObjectMapper mapper;
    private final ModerationSettings settings;
    private final Set<String> unmappedSeen = ConcurrentHashMap.newKeySet();

    OpenAiModerationClassifier(Endpoint endpoint, ObjectMapper mapper, ModerationSettings settings) {
        this.endpoint = endpoint;
        this.mapper = mapper;
        this.settings = settings;
    }

    @Override
    public List<Signal> classify(ClassificationInput input) throws IOException, InterruptedException {
        ObjectNode body = mapper.createObjectNode();
        body.put("model", settings.model());
        body.put("input", input.text());
        JsonNode result = endpoint.post("/moderations", body).path("results").path(0);
        JsonNode scores = result.path("category_scores");
        if (!scores.isObject()) {
            throw new IOException("the moderation API answered without results[0].category_scores");
        }
        return read(scores);
    }

    /** Signals from {@code category_scores}: per Veto category, the highest score at or above the minimum. */
    List<Signal> read(JsonNode scores) throws IOException {
        Map<String, Double> best = new LinkedHashMap<>();
        Map<String, String> source = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = scores.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isNumber()) {
                throw new IOException("the score of '" + entry.getKey() + "' is not a number");
            }
            String category = settings.categories().get(entry.getKey());
            if (category == null) {
                if (unmappedSeen.add(entry.getKey())) {
                    log.warn("Moderation category '{}' is not mapped to a Veto category (settings.categories); ignored", entry.getKey());
                }
                continue;
            }
            double score = Math.max(0, Math.min(1, entry.getValue().asDouble()));
            if (score >= settings.minScore() && score > best.getOrDefault(category, -1.0)) {
                best.put(category, score);
                source.put(category, entry.getKey());
            }
        }
        List<Signal> signals = new ArrayList<>(best.size());
        best.forEach((category, score) -> signals.add(Signal.of(category, score).withConfidence(settings.confidence())
                .withEvidence(List.of("moderation: " + source.get(category) + " " + String.format(java.util.Locale.ROOT, "%.2f", score)))));
        return signals;
    }

    @Override
    public Set<String> categories() {
        return Set.copyOf(settings.categories().values());
    }
}
