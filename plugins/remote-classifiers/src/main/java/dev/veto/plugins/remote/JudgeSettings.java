package dev.veto.plugins.remote;

import com.typesafe.config.Config;
import java.util.List;

/** The {@code llm-judge} settings (see the plugin's reference.conf). */
record JudgeSettings(String model, boolean templated, int contextTurns, int maxCharsPerTurn, double unsafeScore,
                     double confidence, List<JudgeCategory> categories) {

    static JudgeSettings read(Config config) {
        String prompt = config.getString("prompt");
        if (!prompt.equals("template") && !prompt.equals("conversation")) {
            throw new IllegalArgumentException("prompt must be 'template' or 'conversation', not '" + prompt + "'");
        }
        List<JudgeCategory> categories = config.getConfigList("categories").stream()
                .map(c -> new JudgeCategory(c.getString("code"), c.getString("title"), c.getString("category")))
                .toList();
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("categories must name at least one category");
        }
        double score = config.getDouble("unsafe-score");
        double confidence = config.getDouble("confidence");
        if (score <= 0 || score > 1 || confidence <= 0 || confidence > 1) {
            throw new IllegalArgumentException("unsafe-score and confidence must lie in (0, 1]");
        }
        return new JudgeSettings(config.getString("model"), prompt.equals("template"), config.getInt("context-turns"),
                config.getInt("max-chars-per-turn"), score, confidence, categories);
    }
}
