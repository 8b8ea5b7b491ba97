package dev.veto.plugins.offline;

import com.typesafe.config.Config;

/** The generator's settings (see the plugin's reference.conf). */
record OfflineSettings(int maxPassages, int maxCharsPerPassage, String groundedIntro, String noModelMessage, String model) {

    static OfflineSettings read(Config config) {
        int passages = config.getInt("max-passages");
        int chars = config.getInt("max-chars-per-passage");
        if (passages < 1 || chars < 20) {
            throw new IllegalArgumentException("max-passages must be at least 1 and max-chars-per-passage at least 20");
        }
        return new OfflineSettings(passages, chars, config.getString("grounded-intro"),
                config.getString("no-model-message"), config.getString("model"));
    }
}
