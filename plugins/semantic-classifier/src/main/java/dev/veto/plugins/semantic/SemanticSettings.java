package dev.veto.plugins.semantic;

import com.typesafe.config.Config;
import java.util.List;

/**
 * The classifier's settings, checked when it is created so a mistake fails start-up naming the setting.
 *
 * @param head           {@code classpath:} resource or file of the trained head
 * @param maxTokens      tokens the encoder reads per window
 * @param intraOpThreads ONNX Runtime threads per inference
 * @param windows        how long texts are cut
 * @param reportAbove    unsafe probability below which nothing is reported
 * @param confidence     the confidence given to the signals
 * @param minWords       texts of fewer words are not judged
 * @param second         which parts of a text that fits one window are read again on their own
 * @param nonEnglishMax  the most a reading of a text that is not English may report
 * @param gloss          which glossaries render other languages into English for the encoder
 * @param minors         whether a child-exploitation reading needs a minor in the text, and the cue lists
 * @param conversation   whether texts of conversation words alone go unjudged, and the installation's own lists
 */
record SemanticSettings(String head, int maxTokens, int intraOpThreads, TextWindows windows, double reportAbove,
                        double confidence, int minWords, SecondReadingSettings second, double nonEnglishMax,
                        GlossSettings gloss, MinorSettings minors, ConversationSettings conversation) {

    static SemanticSettings read(Config config) {
        if (config.hasPath("minors.required")) {
            throw new IllegalArgumentException("setting 'minors.required' is now 'minors.child-exploitation-needs-one'");
        }
        int minWords = config.getInt("min-words");
        if (minWords < 1) {
            throw new IllegalArgumentException("setting 'min-words' must be at least 1, was " + minWords);
        }
        return new SemanticSettings(config.getString("head"), config.getInt("max-tokens"),
                config.getInt("intra-op-threads"),
                new TextWindows(config.getInt("window.chars"), config.getInt("window.max"),
                        config.getInt("window.closing-from")),
                unit(config, "report-above"), unit(config, "confidence"), minWords,
                new SecondReadingSettings(unit(config, "window.closing-min-score"),
                        unit(config, "window.second-max-score"), config.getBoolean("window.request-sentences"),
                        config.getStringList("window.requests-extra")),
                unit(config, "non-english-max-score"),
                new GlossSettings(config.getString("gloss.head"), config.getStringList("gloss.languages"),
                        config.getStringList("gloss.extra"),
                        unit(config, "gloss.min-coverage"), config.getInt("gloss.min-words"),
                        unit(config, "gloss.min-score"), unit(config, "gloss.max-score")),
                new MinorSettings(config.getBoolean("minors.child-exploitation-needs-one"),
                        unit(config, "minors.set-aside-max-score"), unit(config, "minors.non-english-max-score"),
                        config.getStringList("minors.extra"), unit(config, "minors.protective-max-score"),
                        config.getStringList("minors.protective-extra")),
                new ConversationSettings(config.getBoolean("conversation-words.enabled"),
                        config.getStringList("conversation-words.extra")));
    }

    /**
     * Whether a text of conversation words alone goes unjudged.
     *
     * @param enabled whether it does
     * @param extra   an installation's own word lists, beside the bundled one
     */
    record ConversationSettings(boolean enabled, List<String> extra) {
    }

    /**
     * The second readings of a text that fits one window: its closing sentences and its request sentences.
     *
     * @param minScore         only a text that reads at least this unsafe as a whole is read again
     * @param maxScore         the most a second reading may report: read out of its context, a part asks for care
     * @param requestSentences whether the request sentences are read (the closing sentences are, from
     *                         {@code window.closing-from})
     * @param requestsExtra    an installation's own lists of request cues, beside the bundled one
     */
    record SecondReadingSettings(double minScore, double maxScore, boolean requestSentences,
                                 List<String> requestsExtra) {
    }

    /**
     * Whether the model's child-exploitation reading needs a text that mentions a minor.
     *
     * @param childExploitationNeedsOne whether it does
     * @param setAsideMaxScore         a reading set aside keeps at least its score up to this
     * @param nonEnglishMaxScore       the most a child-exploitation reading of a text that is not English (or of
     *                                 its gloss) may report
     * @param extra                    an installation's own cue lists, beside the bundled one
     * @param protectiveMaxScore       the most a child-exploitation reading of a text asked to protect a child may
     *                                 report; 1: no such cap
     * @param protectiveExtra          an installation's own lists of protective phrases, beside the bundled one
     */
    record MinorSettings(boolean childExploitationNeedsOne, double setAsideMaxScore, double nonEnglishMaxScore,
                         List<String> extra, double protectiveMaxScore, List<String> protectiveExtra) {
    }

    /**
     * The glossaries.
     *
     * @param head        the head that reads glosses ({@code classpath:} resource or file); empty for the main one
     * @param languages   bundled glossaries by language tag
     * @param extra       an installation's own glossary files, each named after its language ({@code pt.tsv})
     * @param minCoverage the share of a text's words a glossary must know to gloss it
     * @param minWords    shorter texts are not glossed
     * @param minScore    a reading of the gloss less sure than this that the text is unsafe is not reported
     * @param maxScore    the most a reading of the gloss may report
     */
    record GlossSettings(String head, List<String> languages, List<String> extra, double minCoverage, int minWords,
                         double minScore, double maxScore) {
    }

    private static double unit(Config config, String path) {
        double value = config.getDouble(path);
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("setting '" + path + "' must lie in [0, 1], was " + value);
        }
        return value;
    }
}
