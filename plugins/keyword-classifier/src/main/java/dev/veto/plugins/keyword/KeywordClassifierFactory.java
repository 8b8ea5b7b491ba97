package dev.veto.plugins.keyword;

import com.typesafe.config.Config;
import dev.veto.spi.ComponentContext;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.ClassifierFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code keyword} classifier factory. Settings (defaults in the plugin's {@code reference.conf}):
 * {@code lexicons} (bundled resources), {@code extra-lexicons} (absolute file paths), {@code intent-boost},
 * {@code proximity}, {@code confidence.with-intent}, {@code confidence.mention}, {@code guarded-categories},
 * {@code unboosted-categories}.
 */
@Extension
public final class KeywordClassifierFactory implements ClassifierFactory {

    private static final Logger log = LoggerFactory.getLogger(KeywordClassifierFactory.class);

    @Override
    public String name() {
        return "keyword";
    }

    @Override
    public String description() {
        return "multilingual lexicon classifier (Aho-Corasick), intent-aware";
    }

    @Override
    public Classifier create(ComponentContext context) {
        Config settings = context.config();
        List<LexiconEntry> entries = new ArrayList<>();
        for (String resource : settings.getStringList("lexicons")) {
            entries.addAll(readResource(resource));
        }
        for (String file : settings.getStringList("extra-lexicons")) {
            entries.addAll(readFile(Path.of(file)));
        }
        Set<String> categories = new TreeSet<>();
        entries.stream().filter(e -> e.kind() == LexiconEntry.Kind.HARM || e.kind() == LexiconEntry.Kind.ACTION)
                .forEach(e -> categories.add(e.category()));
        KeywordClassifier.Scoring scoring = scoring(settings);
        for (String guarded : scoring.guarded()) {
            if (!categories.contains(guarded)) { // a misspelt category would guard nothing, silently
                throw new IllegalArgumentException("guarded-categories: no lexicon has a harm or action phrase of '"
                        + guarded + "' (" + settings.origin().description() + ")");
            }
        }
        log.info("Classifier '{}': {} lexicon entries over {} categories", context.instanceName(), entries.size(), categories.size());
        return new KeywordClassifier(new KeywordMatcher(entries), scoring, categories);
    }

    /** How the classifier weighs what it finds, from the plugin's settings. */
    static KeywordClassifier.Scoring scoring(Config settings) {
        return new KeywordClassifier.Scoring(
                unit(settings, "intent-boost"),
                settings.getInt("proximity"),
                unit(settings, "confidence.with-intent"),
                unit(settings, "confidence.mention"),
                Set.copyOf(settings.getStringList("guarded-categories")),
                Set.copyOf(settings.getStringList("unboosted-categories")));
    }

    private static double unit(Config settings, String path) {
        double value = settings.getDouble(path);
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(path + " must lie in [0, 1], was " + value + " ("
                    + settings.origin().description() + ")");
        }
        return value;
    }

    private List<LexiconEntry> readResource(String resource) {
        try (InputStream in = KeywordClassifierFactory.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("lexicon resource '" + resource + "' not found in the plugin");
            }
            return Lexicon.read(resource, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + resource, e);
        }
    }

    private static List<LexiconEntry> readFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Lexicon.read(file.toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon file " + file, e);
        }
    }
}
