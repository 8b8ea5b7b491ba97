package dev.veto.plugins.semantic;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.veto.spi.ComponentContext;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.ClassifierFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code semantic} classifier factory: the MiniLM sentence encoder with the trained hazard head. */
@Extension
public final class SemanticClassifierFactory implements ClassifierFactory {

    private static final Logger log = LoggerFactory.getLogger(SemanticClassifierFactory.class);
    private static final String CLASSPATH = "classpath:";
    private static final String GLOSSARIES = "dev/veto/plugins/semantic/gloss/";
    private static final String MINORS = "dev/veto/plugins/semantic/minors.txt";
    private static final String PROTECTIVE = "dev/veto/plugins/semantic/protective.txt";
    private static final String REQUESTS = "dev/veto/plugins/semantic/requests.txt";
    private static final String CONVERSATION = "dev/veto/plugins/semantic/conversation.txt";

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
        long start = System.nanoTime();
        Glosser glosser = loadGlosser(settings.gloss(), context.dataDirectory());
        log.info("Classifier '{}': glossaries for {} read in {} ms", context.instanceName(), glosser.languages(),
                (System.nanoTime() - start) / 1_000_000);
        SemanticHead glossHead = settings.gloss().head().isEmpty() ? head
                : loadHead(settings.gloss().head(), context.dataDirectory());
        if (!glossHead.labels().equals(head.labels())) {
            throw new IllegalArgumentException("the gloss head " + settings.gloss().head() + " has the labels "
                    + glossHead.labels() + ", the head " + head.labels() + ": train them together");
        }
        return new SemanticClassifier(new SentenceEncoder(settings.maxTokens(), settings.intraOpThreads()),
                new SemanticClassifier.Heads(head, glossHead), glosser,
                new SemanticClassifier.ChildCues(loadMinors(settings.minors(), context.dataDirectory()),
                        loadProtective(settings.minors(), context.dataDirectory())),
                loadConversation(settings.conversation(), context.dataDirectory()),
                loadRequests(settings.second(), context.dataDirectory()), settings);
    }

    /** The cue lists of minors, bundled and the installation's own; empty where the check is off. */
    private static Optional<CueList> loadMinors(SemanticSettings.MinorSettings settings, Path dataDirectory) {
        if (!settings.childExploitationNeedsOne()) {
            return Optional.empty();
        }
        return Optional.of(loadCues("the list of minors", MINORS, settings.extra(), dataDirectory));
    }

    /** The protective phrases, bundled and the installation's own; empty where their cap is off. */
    private static Optional<CueList> loadProtective(SemanticSettings.MinorSettings settings, Path dataDirectory) {
        if (settings.protectiveMaxScore() >= 1) {
            return Optional.empty();
        }
        return Optional.of(loadCues("the list of protective phrases", PROTECTIVE, settings.protectiveExtra(),
                dataDirectory));
    }

    /** The request cues, bundled and the installation's own; empty where request sentences are not read. */
    private static Optional<RequestSentences> loadRequests(SemanticSettings.SecondReadingSettings settings,
                                                           Path dataDirectory) {
        if (!settings.requestSentences()) {
            return Optional.empty();
        }
        return Optional.of(new RequestSentences(loadCues("the request cues", REQUESTS, settings.requestsExtra(),
                dataDirectory)));
    }

    private static CueList loadCues(String what, String bundled, List<String> extra, Path dataDirectory) {
        CueList cues = read(what, CLASSPATH + bundled, null, reader -> CueList.read(reader, bundled));
        for (String file : extra) {
            cues = cues.and(read(what, file, dataDirectory, reader -> CueList.read(reader, file)));
        }
        return cues;
    }

    /** The conversation words, bundled and the installation's own; empty where they are not used. */
    private static Optional<ConversationWords> loadConversation(SemanticSettings.ConversationSettings settings,
                                                                Path dataDirectory) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        ConversationWords words = read("the conversation words", CLASSPATH + CONVERSATION, null,
                reader -> ConversationWords.read(reader, CONVERSATION));
        for (String file : settings.extra()) {
            words = words.and(read("the conversation words", file, dataDirectory,
                    reader -> ConversationWords.read(reader, file)));
        }
        return Optional.of(words);
    }

    private static Glosser loadGlosser(SemanticSettings.GlossSettings settings, Path dataDirectory) {
        List<GlossarySource> sources = new ArrayList<>();
        settings.languages().forEach(language -> sources.add(
                new GlossarySource(language, CLASSPATH + GLOSSARIES + language + ".tsv")));
        settings.extra().forEach(file -> sources.add(
                new GlossarySource(Path.of(file).getFileName().toString().replaceFirst("\\.[^.]*$", ""), file)));
        // read side by side: 240,000 lines of eight languages are most of the plugin's start-up
        List<Glossary> glossaries = sources.parallelStream()
                .map(source -> loadGlossary(source.language(), source.location(), dataDirectory)).toList();
        return new Glosser(glossaries, englishWords(), settings.minCoverage(), settings.minWords());
    }

    private static Set<String> englishWords() {
        return read("the plugin's English word list", CLASSPATH + GLOSSARIES + "english.txt", null,
                reader -> new BufferedReader(reader).lines().filter(line -> !line.startsWith("#"))
                        .flatMap(line -> Arrays.stream(line.strip().split("\\s+"))).filter(word -> !word.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()));
    }

    /** A glossary file and the language it glosses. */
    private record GlossarySource(String language, String location) {
    }

    private static Glossary loadGlossary(String language, String location, Path dataDirectory) {
        return read("the glossary", location, dataDirectory, reader -> Glossary.read(language, reader, location));
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
        return new DefaultEncoding(new SentenceEncoder(settings.maxTokens(), threads), settings.windows(),
                loadGlosser(settings.gloss(), Path.of(".")));
    }

    /** An encoder with the windowing and the glossaries that go with it. */
    public static final class DefaultEncoding {

        private final SentenceEncoder encoder;
        private final TextWindows windows;
        private final Glosser glosser;

        private DefaultEncoding(SentenceEncoder encoder, TextWindows windows, Glosser glosser) {
            this.encoder = encoder;
            this.windows = windows;
            this.glosser = glosser;
        }

        /** @return the encoder; the caller closes it */
        public SentenceEncoder encoder() {
            return encoder;
        }

        /**
         * The English gloss the classifier also reads of the first window of a text in another language — so
         * a head can learn what glosses of safe and of unsafe requests look like.
         *
         * @param normalized the text as the host hands it to classifiers
         * @param language   its language tag, or {@code und}
         * @return the gloss of its first window, or empty where the classifier reads no gloss
         */
        public Optional<String> firstGlossWindow(String normalized, String language) {
            return glosser.gloss(firstWindow(normalized), language).map(Glosser.Gloss::text);
        }

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
        return read("the semantic head", location, dataDirectory, reader -> SemanticHead.read(reader, location));
    }

    /** Parses one of the plugin's files, naming it in any error reading it. */
    private static <T> T read(String what, String location, Path dataDirectory, Parser<T> parser) {
        try (Reader reader = open(location, dataDirectory)) {
            return parser.parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " " + location + ": " + e.getMessage(), e);
        }
    }

    /** Reads a value from an open file. */
    @FunctionalInterface
    private interface Parser<T> {
        T parse(Reader reader) throws IOException;
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
