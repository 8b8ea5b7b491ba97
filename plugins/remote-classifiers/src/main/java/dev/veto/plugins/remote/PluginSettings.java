package dev.veto.plugins.remote;

import com.typesafe.config.Config;

/**
 * The plugin's reference.conf holds one section per factory; an instance's own {@code settings} are flat.
 * An instance of a factory reads its flat settings over its factory's section.
 */
final class PluginSettings {

    private PluginSettings() {
    }

    static Config of(Config merged, String factory) {
        Config flat = merged.withoutPath("llm-judge").withoutPath("openai-moderation");
        return flat.withFallback(merged.getConfig(factory)).resolve();
    }
}
