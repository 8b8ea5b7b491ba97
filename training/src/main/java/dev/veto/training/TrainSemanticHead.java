package dev.veto.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veto.core.normalize.TextNormalizer;
import dev.veto.plugins.semantic.CharNgrams;
import dev.veto.plugins.semantic.SemanticClassifierFactory;
import dev.veto.plugins.semantic.SemanticHead;
import dev.veto.plugins.semantic.SentenceEncoder;
import dev.veto.plugins.semantic.VectorNetwork;
import dev.veto.spi.signal.StandardCategory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * Trains the semantic classifier's head: reads the labelled sets, splits them by group into train,
 * calibration and held-out parts, encodes every prompt with the plugin's own encoder, trains a multinomial
 * logistic regression (safe + hazard categories) with Tribuo, calibrates the unsafe probability, reports
 * the held-out results and writes the head the plugin ships.
 */
@Command(name = "train-semantic-head", mixinStandardHelpOptions = true,
        description = "Trains the semantic classifier's head from labelled JSON Lines sets.")
public final class TrainSemanticHead implements Callable<Integer> {

    @Mixin
    SetsOptions sets;

    @Option(names = "--out", required = true, description = "where to write the head (JSON)")
    Path out;

    @Option(names = "--holdout", description = "folder to write the held-out rows to, one file per source, for veto eval")
    Path holdout;

    @Option(names = "--epochs", defaultValue = "60", description = "SGD epochs (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--ngram-bits", defaultValue = "16",
            description = "log2 of the character n-gram buckets the head reads beside the sentence vector; 0 for none (default ${DEFAULT-VALUE})")
    int ngramBits;

    @Option(names = "--hidden-units", defaultValue = "0",
            description = "hidden units of a network over the sentence vector whose output the regression reads as one more input; "
                    + "0 for none (default ${DEFAULT-VALUE}; 128 measured in docs/evaluation.md, not shipped)")
    int hiddenUnits;

    @Option(names = "--network-epochs", defaultValue = "40", description = "the network's epochs (default ${DEFAULT-VALUE})")
    int networkEpochs;

    @Option(names = "--gloss-head",
            description = "where to write a second head, for the English glosses the classifier reads of requests in other "
                    + "languages: trained on the rows and their glosses, each gloss weighed as a language of its own")
    Path glossHead;

    /** Folds of the training rows whose network outputs come from a network trained on the other folds. */
    private static final int FOLDS = 5;

    private final ObjectMapper json = new ObjectMapper();

    /**
     * Runs the training from the command line.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new TrainSemanticHead()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<LabelledRow> rows = sets.rows();
        Map<Split.Part, List<LabelledRow>> parts = sets.split().apply(rows);
        System.out.printf(Locale.ROOT, "%d rows: %d train, %d calibration, %d held out%n", rows.size(),
                parts.get(Split.Part.TRAIN).size(), parts.get(Split.Part.CALIBRATION).size(),
                parts.get(Split.Part.HOLDOUT).size());

        SemanticClassifierFactory.DefaultEncoding encoding =
                SemanticClassifierFactory.defaultEncoding(Runtime.getRuntime().availableProcessors());
        List<LabelledRow> train = parts.get(Split.Part.TRAIN);
        List<LabelledRow> calibration = parts.get(Split.Part.CALIBRATION);
        List<LabelledRow> trainGlosses = glossHead == null ? List.of() : glosses(train, encoding);
        List<LabelledRow> calibrationGlosses = glossHead == null ? List.of() : glosses(calibration, encoding);
        List<LabelledRow> encoded = new ArrayList<>(rows);
        encoded.addAll(trainGlosses);
        encoded.addAll(calibrationGlosses);
        Map<LabelledRow, HeadTrainer.Item> vectors = encode(encoded, ngramBits, encoding);
        CategoryMap categories = CategoryMap.bundled(Arrays.stream(StandardCategory.values())
                .map(StandardCategory::id).collect(Collectors.toSet()));

        VectorNetwork network = hiddenUnits == 0 ? null
                : new NetworkOutputs(new NetworkTrainer(hiddenUnits, networkEpochs, 128, 1e-3, 1e-4, sets.seed),
                        FOLDS, sets.seed)
                        .attach(train, rows, Balance.weights(train), vectors);
        SemanticHead head = train(train, calibration, network, vectors, categories, "");
        write(head, out);
        System.out.printf(Locale.ROOT, "calibration: slope %.3f, intercept %.3f; head written to %s%n",
                head.slope(), head.intercept(), out);
        if (glossHead != null) {
            System.out.printf(Locale.ROOT, "glosses: %d of training rows, %d of calibration rows%n",
                    trainGlosses.size(), calibrationGlosses.size());
            SemanticHead forGlosses = train(concat(train, trainGlosses), concat(calibration, calibrationGlosses), null,
                    vectors, categories, "; for the English glosses of requests in other languages, trained and "
                            + "calibrated on the rows and their glosses (each gloss weighed as a language of its own)");
            write(forGlosses, glossHead);
            System.out.printf(Locale.ROOT, "gloss head written to %s%n", glossHead);
        }

        List<LabelledRow> held = parts.get(Split.Part.HOLDOUT);
        System.out.print(HoldoutReport.of(held, row -> judge(head, vectors.get(row)).unsafe()));
        System.out.println(categoryAccuracy(held, categories, vectors, head));
        if (holdout != null) {
            writeHoldout(held, holdout);
        }
        return 0;
    }

    /** One calibrated head: a first head names the categories of unsafe rows without one, then the real one. */
    private SemanticHead train(List<LabelledRow> train, List<LabelledRow> calibration, VectorNetwork network,
                               Map<LabelledRow, HeadTrainer.Item> vectors, CategoryMap categories, String purpose) {
        HeadTrainer trainer = new HeadTrainer(epochs, sets.seed, ngramBits);
        Map<LabelledRow, Float> weights = Balance.weights(train);
        List<HeadTrainer.Item> known = new ArrayList<>();
        List<LabelledRow> unknown = new ArrayList<>();
        for (LabelledRow row : train) {
            Optional<String> label = row.unsafe() ? categories.categoryOf(row) : Optional.of(SemanticHead.SAFE);
            label.ifPresentOrElse(l -> known.add(vectors.get(row).withLabel(l, weights.get(row))),
                    () -> unknown.add(row));
        }
        List<String> labels = labels(known);
        SemanticHead first = trainer.train(known, labels, network, "");
        // rows without a mappable category take the one the first head finds most likely among the harms
        List<HeadTrainer.Item> all = new ArrayList<>(known);
        for (LabelledRow row : unknown) {
            all.add(vectors.get(row).withLabel(judge(first, vectors.get(row)).category(), weights.get(row)));
        }
        SemanticHead uncalibrated = trainer.train(Balance.categories(all, SemanticHead.SAFE), labels, network, "");

        Map<LabelledRow, Float> calibrationWeights = Balance.weights(calibration);
        double[] scores = new double[calibration.size()];
        boolean[] truth = new boolean[calibration.size()];
        double[] w = new double[calibration.size()];
        for (int i = 0; i < scores.length; i++) {
            LabelledRow row = calibration.get(i);
            scores[i] = judge(uncalibrated, vectors.get(row)).unsafe();
            truth[i] = row.unsafe();
            w[i] = calibrationWeights.get(row);
        }
        PlattCalibration.Fit fit = PlattCalibration.fit(scores, truth, w);
        String description = String.format(Locale.ROOT,
                "all-MiniLM-L6-v2 (quantized, mean pooling)%s%s + multinomial logistic regression (Tribuo LinearSGD, "
                        + "AdaGrad, %d epochs, seed %d) on %d rows of %s; Platt-calibrated on %d rows%s; "
                        + "trained by ./mvnw -q -pl training exec:java",
                ngramBits == 0 ? "" : " and character n-grams hashed into 2^" + ngramBits + " buckets",
                network == null ? "" : String.format(Locale.ROOT, " and a network over the vector (%d hidden units, %d epochs, "
                        + "out-of-fold outputs from %d folds)", hiddenUnits, networkEpochs, FOLDS),
                epochs, sets.seed, all.size(), sources(train), calibration.size(), purpose);
        return new SemanticHead(uncalibrated.labels(), uncalibrated.weights(), uncalibrated.bias(),
                uncalibrated.ngrams(), uncalibrated.network(), fit.slope(), fit.intercept(), description);
    }

    private static List<LabelledRow> concat(List<LabelledRow> first, List<LabelledRow> second) {
        List<LabelledRow> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static SemanticHead.Judgement judge(SemanticHead head, HeadTrainer.Item item) {
        return head.judge(item.vector(), item.grams());
    }

    /**
     * Each row as the plugin reads it: normalized by the host's normalizer, blobs stripped, the vector and
     * n-grams of its first window (label not yet set).
     */
    private static Map<LabelledRow, HeadTrainer.Item> encode(List<LabelledRow> rows, int ngramBits,
                                                             SemanticClassifierFactory.DefaultEncoding encoding) throws Exception {
        Map<LabelledRow, HeadTrainer.Item> vectors = new HashMap<>();
        CharNgrams grams = ngramBits == 0 ? null : new CharNgrams(ngramBits);
        TextNormalizer normalizer = new TextNormalizer();
        long start = System.nanoTime();
        // the first window of each text, as the host hands it to the plugin and the plugin cuts it
        try (SentenceEncoder encoder = encoding.encoder()) {
            for (LabelledRow row : rows) {
                String window = encoding.firstWindow(normalizer.normalize(row.prompt()).text());
                vectors.put(row, new HeadTrainer.Item(encoder.encode(window), grams == null ? null : grams.of(window), 0, "", 1));
                if (vectors.size() % 1000 == 0) {
                    System.out.printf(Locale.ROOT, "encoded %d of %d (%.1f ms each)%n", vectors.size(), rows.size(),
                            (System.nanoTime() - start) / 1e6 / vectors.size());
                }
            }
        }
        return vectors;
    }

    /**
     * The English gloss the classifier also reads of each row in another language, as a row of its own with
     * the same label and a language of its own ({@code de-gloss}): balanced within that language, safe and
     * unsafe glosses teach the head intent in gloss English, instead of "broken English, so unsafe".
     */
    static List<LabelledRow> glosses(List<LabelledRow> rows, SemanticClassifierFactory.DefaultEncoding encoding) {
        TextNormalizer normalizer = new TextNormalizer();
        List<LabelledRow> glosses = new ArrayList<>();
        for (LabelledRow row : rows) {
            encoding.firstGlossWindow(normalizer.normalize(row.prompt()).text(), row.lang())
                    .ifPresent(gloss -> glosses.add(new LabelledRow(row.id() + "~gloss", gloss, row.unsafe(),
                            row.category(), row.lang() + "-gloss", row.source())));
        }
        return glosses;
    }

    /** How often the head names the category a held-out unsafe row is labelled with, where the label maps. */
    private static String categoryAccuracy(List<LabelledRow> held, CategoryMap categories, Map<LabelledRow, HeadTrainer.Item> vectors,
                                           SemanticHead head) {
        Map<String, int[]> counts = new TreeMap<>();
        for (LabelledRow row : held) {
            Optional<String> expected = row.unsafe() ? categories.categoryOf(row) : Optional.empty();
            expected.ifPresent(category -> {
                int[] c = counts.computeIfAbsent(category, k -> new int[2]);
                c[0]++;
                c[1] += judge(head, vectors.get(row)).category().equals(category) ? 1 : 0;
            });
        }
        int total = counts.values().stream().mapToInt(c -> c[0]).sum();
        int right = counts.values().stream().mapToInt(c -> c[1]).sum();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "category named right on %d of %d held-out unsafe rows:", right, total));
        counts.forEach((category, c) -> out.append(String.format(Locale.ROOT, " %s %d/%d", category, c[1], c[0])));
        return out.toString();
    }

    private static List<String> labels(List<HeadTrainer.Item> items) {
        TreeSet<String> categories = items.stream().map(HeadTrainer.Item::label)
                .filter(l -> !l.equals(SemanticHead.SAFE)).collect(Collectors.toCollection(TreeSet::new));
        List<String> labels = new ArrayList<>();
        labels.add(SemanticHead.SAFE);
        labels.addAll(categories);
        return labels;
    }

    private static String sources(List<LabelledRow> rows) {
        Map<String, Long> counts = rows.stream().collect(Collectors.groupingBy(LabelledRow::source, TreeMap::new,
                Collectors.counting()));
        return counts.toString();
    }

    private void write(SemanticHead head, Path file) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("format", head.network() != null ? SemanticHead.FORMAT
                : head.ngrams() != null ? SemanticHead.NGRAM_FORMAT : SemanticHead.VECTOR_ONLY_FORMAT);
        root.put("description", head.description());
        ArrayNode labels = root.putArray("labels");
        head.labels().forEach(labels::add);
        root.putObject("calibration").put("slope", head.slope()).put("intercept", head.intercept());
        floats(root.putArray("bias"), head.bias());
        ArrayNode weights = root.putArray("weights");
        for (float[] row : head.weights()) {
            floats(weights.addArray(), row);
        }
        if (head.ngrams() != null) {
            ObjectNode ngrams = root.putObject("ngrams");
            ngrams.put("bits", head.ngrams().grams().bits());
            floats(ngrams.putArray("scales"), head.ngrams().scales());
            ngrams.put("weights", head.ngrams().encode());
        }
        if (head.network() != null) {
            VectorNetwork network = head.network();
            ObjectNode node = root.putObject("network");
            ArrayNode hidden = node.putArray("hidden");
            for (float[] row : network.hidden()) {
                floats(hidden.addArray(), row);
            }
            floats(node.putArray("hiddenBias"), network.hiddenBias());
            floats(node.putArray("output"), network.output());
            node.put("outputBias", network.outputBias());
            floats(node.putArray("weights"), network.weights());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        json.writeValue(file.toFile(), root);
    }

    private static void floats(ArrayNode array, float[] values) {
        for (float value : values) {
            array.add(value);
        }
    }

    private void writeHoldout(List<LabelledRow> rows, Path folder) throws IOException {
        Files.createDirectories(folder);
        Map<String, List<LabelledRow>> bySource = rows.stream().collect(Collectors.groupingBy(LabelledRow::source,
                LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<LabelledRow>> entry : bySource.entrySet()) {
            try (BufferedWriter writer = Files.newBufferedWriter(folder.resolve(entry.getKey() + ".jsonl"), StandardCharsets.UTF_8)) {
                for (LabelledRow row : entry.getValue()) {
                    ObjectNode node = json.createObjectNode().put("id", row.id()).put("prompt", row.prompt())
                            .put("label", row.unsafe() ? "unsafe" : "safe").put("category", row.category())
                            .put("lang", row.lang()).put("source", row.source());
                    writer.write(json.writeValueAsString(node));
                    writer.newLine();
                }
            }
        }
        System.out.println("held-out rows written to " + folder + " (veto eval --data " + folder + "/*.jsonl)");
    }
}
