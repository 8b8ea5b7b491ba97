package dev.veto.plugins.semantic;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.veto.spi.ComponentContext;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.ClassifierFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/** The {@code semantic} classifier factory: the MiniLM sentence encoder with the trained hazard head. */
@Extension
public final class SemanticClassifierFactory implements ClassifierFactory {

    private static final String CLASSPATH = "classpath:";
    private static final String GLOSSARIES = "dev/veto/plugins/semantic/gloss/";

    @Override
    public String name() {
        return "semantic";
    }

    @Override
    public String description() {
        return "neural sentence encoder (all-MiniLM-L6-v2, ONNX, offline) with a trained head over the hazard categories";
    }

    @Override
    public Classifier create(ComponentContext context) {
        SemanticSettings settings = SemanticSettings.read(context.config());
        SemanticHead head = loadHead(settings.head(), context.dataDirectory());
        Glosser glosser = loadGlosser(settings.gloss(), context.dataDirectory());
        return new SemanticClassifier(new SentenceEncoder(settings.maxTokens(), settings.intraOpThreads()), head,
                glosser, settings);
    }

    private static Glosser loadGlosser(SemanticSettings.GlossSettings settings, Path dataDirectory) {
        List<Glossary> glossaries = new ArrayList<>();
        for (String language : settings.languages()) {
            glossaries.add(loadGlossary(language, CLASSPATH + GLOSSARIES + language + ".tsv", dataDirectory));
        }
        for (String file : settings.extra()) {
            String name = Path.of(file).getFileName().toString();
            glossaries.add(loadGlossary(name.replaceFirst("\\.[^.]*$", ""), file, dataDirectory));
        }
        return new Glosser(glossaries, settings.minCoverage());
    }

    private static Glossary loadGlossary(String language, String location, Path dataDirectory) {
        try (Reader reader = open(location, dataDirectory)) {
            return Glossary.read(language, reader, location);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the glossary " + location + ": " + e.getMessage(), e);
        }
    }

    /**
     * Encodes texts exactly as a classifier with this plugin's default settings does — for the training
     * module, whose examples must look to the head as requests will.
     *
     * @param threads ONNX Runtime threads per inference
     * @return the encoder and the windowing of the defaults
     */
    public static DefaultEncoding defaultEncoding(int threads) {
        Config defaults = ConfigFactory.parseResources(SemanticClassifierFactory.class.getClassLoader(), "reference.conf");
        SemanticSettings settings = SemanticSettings.read(defaults);
        return new DefaultEncoding(new SentenceEncoder(settings.maxTokens(), threads), settings.windows());
    }

    /**
     * An encoder with the windowing that goes with it.
     *
     * @param encoder the encoder
     * @param windows the windowing
     */
    public record DefaultEncoding(SentenceEncoder encoder, TextWindows windows) {

        /**
         * The first window the classifier reads of a text the host has normalized: encoded blobs stripped
         * (the classifier reads their decoded text, which the normalizer appends), then cut as the
         * windowing cuts it.
         *
         * @param normalized the text as the host hands it to classifiers
         * @return the first window
         */
        public String firstWindow(String normalized) {
            String readable = EncodedRuns.strip(normalized);
            return windows.of(readable.isBlank() ? normalized : readable).get(0);
        }
    }

    static SemanticHead loadHead(String location, Path dataDirectory) {
        try (Reader reader = open(location, dataDirectory)) {
            return SemanticHead.read(reader, location);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the semantic head " + location + ": " + e.getMessage(), e);
        }
    }

    private static Reader open(String location, Path dataDirectory) throws IOException {
        if (location.startsWith(CLASSPATH)) {
            String name = location.substring(CLASSPATH.length());
            InputStream in = SemanticClassifierFactory.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new IOException("no such resource in the plugin");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }
        return Files.newBufferedReader(dataDirectory.resolve(location), StandardCharsets.UTF_8);
    }
}
