package dev.veto.core.policy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import dev.veto.core.Reply;
import java.time.Duration;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The user-facing texts of a policy: {@code messages/<language>.conf}, each with tones (at least
 * {@code neutral}). A lookup tries the requested language in the requested tone, then in the neutral tone,
 * then English in the requested tone, then English neutral — so every message exists in English and a
 * translation or a tone may cover only part of it.
 */
public final class Messages {

    /** The language every lookup falls back to. */
    public static final String FALLBACK = "en";
    /** The tone every lookup falls back to. */
    public static final String NEUTRAL = "neutral";

    /** The messages every policy must define in English, neutral tone. */
    static final List<String> REQUIRED = List.of("refuse.default", "constrain.default", "escalate",
            "escalate-unavailable", "component-failure", "output-withheld", "no-generator", "generation-failed");

    private final Map<String, Config> byLanguage;
    private final Set<String> refusals;

    Messages(Map<String, Config> byLanguage) {
        this.byLanguage = Map.copyOf(byLanguage);
        Set<String> texts = new HashSet<>();
        for (Config messages : this.byLanguage.values()) {
            if (!messages.hasPath("tones")) {
                continue;
            }
            for (String tone : messages.getObject("tones").keySet()) {
                String path = "tones." + ConfigUtil.joinPath(tone) + ".refuse";
                if (messages.hasPath(path)) {
                    for (Map.Entry<String, ConfigValue> entry : messages.getConfig(path).entrySet()) {
                        if (entry.getKey().endsWith("message") && entry.getValue().unwrapped() instanceof String text
                                && text.strip().length() >= MIN_REFUSAL_LENGTH) {
                            texts.add(text.strip());
                        }
                    }
                }
            }
        }
        this.refusals = Set.copyOf(texts);
    }

    /**
     * The shortest refusal message recognised in a conversation sent back: a policy's "Sorry." would take every
     * answer that opens the same way for a refusal.
     */
    static final int MIN_REFUSAL_LENGTH = 12;

    /**
     * Every refusal message ({@code refuse.default}, {@code refuse.categories.*}) in every language and tone, of
     * {@link #MIN_REFUSAL_LENGTH} characters or more: what an assistant turn of a refused request opens with.
     *
     * @return the message texts, stripped
     */
    public Set<String> refusals() {
        return refusals;
    }

    /**
     * The languages with a messages file.
     *
     * @return language codes, sorted
     */
    public Set<String> languages() {
        return new TreeSet<>(byLanguage.keySet());
    }

    /**
     * Finds a template.
     *
     * @param language the user's language (ISO 639-1)
     * @param tone     the tone the policy asks for
     * @param path     the template's path, e.g. {@code refuse.categories.hate} or {@code templates.code-security}
     * @return the reply, if the template exists in any fallback
     */
    public Optional<Reply> find(String language, String tone, String path) {
        for (String lang : language.equals(FALLBACK) ? List.of(FALLBACK) : List.of(language, FALLBACK)) {
            Config messages = byLanguage.get(lang);
            if (messages == null) {
                continue;
            }
            for (String t : tone.equals(NEUTRAL) ? List.of(NEUTRAL) : List.of(tone, NEUTRAL)) {
                String full = "tones." + ConfigUtil.joinPath(t) + "." + path;
                if (messages.hasPath(full + ".message")) {
                    Config template = messages.getConfig(full);
                    List<String> alternatives = template.hasPath("alternatives") ? template.getStringList("alternatives") : List.of();
                    return Optional.of(new Reply(template.getString("message"), alternatives));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A required template (always present in English, neutral tone).
     *
     * @param language the user's language
     * @param tone     the tone
     * @param path     one of the required paths
     * @return the reply
     */
    public Reply get(String language, String tone, String path) {
        return find(language, tone, path).orElseThrow(() -> new IllegalStateException("no message " + path));
    }

    /**
     * A short phrase, e.g. the label of further reading, in the language or English.
     *
     * @param language the user's language
     * @param key      the phrase's key under {@code phrases}
     * @param fallback the text if no file defines it
     * @return the phrase
     */
    public String phrase(String language, String key, String fallback) {
        for (String lang : List.of(language, FALLBACK)) {
            Config messages = byLanguage.get(lang);
            if (messages != null && messages.hasPath("phrases." + key)) {
                return messages.getString("phrases." + key);
            }
        }
        return fallback;
    }

    /**
     * How long a human answer is expected to take, in words of the language.
     *
     * @param language the user's language
     * @param duration the expected time; zero if unknown
     * @return e.g. "4 hours"
     */
    public String duration(String language, Duration duration) {
        if (duration.isZero()) {
            return phrase(language, "soon", "as soon as possible");
        }
        long hours = duration.toHours();
        if (hours >= 1) {
            return phrase(language, hours == 1 ? "hour" : "hours", hours == 1 ? "1 hour" : "{n} hours").replace("{n}", Long.toString(hours));
        }
        long minutes = Math.max(1, duration.toMinutes());
        return phrase(language, minutes == 1 ? "minute" : "minutes", minutes == 1 ? "1 minute" : "{n} minutes")
                .replace("{n}", Long.toString(minutes));
    }

    /**
     * The paths of every message a language defines in the neutral tone, e.g. {@code refuse.categories.hate}.
     *
     * @param language the language
     * @return the paths, sorted
     */
    public List<String> paths(String language) {
        Config messages = byLanguage.get(language);
        if (messages == null || !messages.hasPath("tones.neutral")) {
            return List.of();
        }
        Set<String> paths = new TreeSet<>();
        for (Map.Entry<String, ConfigValue> entry : messages.getConfig("tones.neutral").entrySet()) {
            String key = entry.getKey();
            if (key.endsWith(".message")) {
                paths.add(key.substring(0, key.length() - ".message".length()));
            }
        }
        return List.copyOf(paths);
    }

    /** Problems: required templates missing in English, templates without a message. */
    static List<String> validate(Map<String, Config> byLanguage, Set<String> templates) {
        List<String> problems = new ArrayList<>();
        Config english = byLanguage.get(FALLBACK);
        if (english == null) {
            problems.add("messages/en.conf: missing; English is the fallback of every message");
            return problems;
        }
        for (String path : REQUIRED) {
            if (!english.hasPath("tones.neutral." + path + ".message")) {
                problems.add(PolicyException.at(english.origin(), "tones.neutral." + path, "required message missing in English"));
            }
        }
        for (String template : templates) {
            String path = "tones.neutral.templates." + ConfigUtil.joinPath(template) + ".message";
            if (!english.hasPath(path)) {
                problems.add(PolicyException.at(english.origin(), "tones.neutral.templates." + template,
                        "a rule uses template '" + template + "', which has no English message"));
            }
        }
        for (Map.Entry<String, Config> entry : byLanguage.entrySet()) {
            try {
                entry.getValue().getObject("tones");
            } catch (ConfigException e) {
                problems.add(PolicyException.at(entry.getValue().origin(), "tones",
                        "a messages file holds tones { neutral { … } }"));
            }
        }
        return problems;
    }

    static String languageOf(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.substring(0, file.length() - ".conf".length()).toLowerCase(Locale.ROOT);
    }
}
