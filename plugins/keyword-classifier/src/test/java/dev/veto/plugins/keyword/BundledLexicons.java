package dev.veto.plugins.keyword;

import com.typesafe.config.Config;
import dev.veto.core.normalize.TextNormalizer;
import dev.veto.spi.classifier.ClassificationInput;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Request;
import dev.veto.spi.signal.Signal;
import dev.veto.testkit.TestComponentContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every bundled lexicon together, as the plugin loads them, judging text as the host hands it over. */
final class BundledLexicons {

    static final List<String> LANGUAGES = List.of("en", "es", "fr", "de", "it", "zh", "ar", "vi", "ko", "th", "bn",
            "sw", "jv");

    private static final TextNormalizer NORMALIZER = new TextNormalizer();
    /** The plugin's own defaults, read from its classes folder as the host reads them from the plugin. */
    private static final Config PLUGIN_DEFAULTS = TestComponentContext.pluginDefaults(KeywordClassifierFactory.class);
    private static volatile KeywordClassifier all;

    private BundledLexicons() {
    }

    static List<LexiconEntry> read(String language) {
        String resource = "lexicon/" + language + ".tsv";
        try (InputStream in = BundledLexicons.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no bundled lexicon " + resource);
            }
            return Lexicon.read(resource, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The signals for a text of unknown language (the distribution's default: identified only for replies). */
    static List<Signal> classify(String text) throws Exception {
        Request request = new Request("r", List.of(Message.user(text)), null, null, null);
        String normalized = NORMALIZER.normalize(text).text();
        return classifier().classify(new ClassificationInput(Stage.INPUT, normalized, ClassificationInput.UNDETERMINED, request));
    }

    /** The score of one category, 0 when it is not reported. */
    static double score(String text, String category) throws Exception {
        Optional<Signal> signal = classify(text).stream().filter(s -> s.category().equals(category)).findFirst();
        return signal.map(Signal::score).orElse(0.0);
    }

    private static KeywordClassifier classifier() {
        if (all == null) {
            List<LexiconEntry> entries = new ArrayList<>();
            LANGUAGES.forEach(language -> entries.addAll(read(language)));
            all = new KeywordClassifier(new KeywordMatcher(entries), KeywordClassifierFactory.scoring(PLUGIN_DEFAULTS), Set.of());
        }
        return all;
    }
}
