package dev.veto.plugins.remote;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code openai-moderation} settings (see the plugin's reference.conf). */
record ModerationSettings(String model, double minScore, double confidence, Map<String, String> categories) {

    static ModerationSettings read(Config config) {
        Map<String, String> categories = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> entry : config.getObject("categories").entrySet()) {
            categories.put(entry.getKey(), String.valueOf(entry.getValue().unwrapped()));
        }
        double minScore = config.getDouble("min-score");
        double confidence = config.getDouble("confidence");
        if (minScore < 0 || minScore > 1 || confidence <= 0 || confidence > 1) {
            throw new IllegalArgumentException("min-score must lie in [0, 1] and confidence in (0, 1]");
        }
        return new ModerationSettings(config.getString("model"), minScore, confidence, Map.copyOf(categories));
    }
}
