package dev.veto.plugins.semantic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The trained classification head: a multinomial logistic regression over the sentence vector — and, from
 * format 2, over the text's character n-grams as well ({@link CharNgrams}: the view that reads languages the
 * encoder does not) — whose first label is {@code safe} and whose others are hazard categories, followed by
 * a Platt calibration of the probability that the text is not safe. From format 3 the regression reads one
 * more input: the output of a small {@link VectorNetwork} over the sentence vector, which sees combinations
 * of directions a linear head cannot.
 *
 * <p>Stored as plain JSON (labels, weight rows, biases, calibration, provenance; written by the training
 * module) so it is read without the training library and an installation can swap in its own head.
 * Immutable and thread-safe.
 *
 * @param labels      {@code safe} first, then category ids
 * @param weights     one row of {@link SentenceEncoder#DIMENSIONS} weights per label
 * @param bias        one bias per label
 * @param ngrams      weights over character n-grams, one row per label; {@code null} for a head that reads
 *                    the sentence vector alone (format 1)
 * @param network     the network over the sentence vector and its weight per label; {@code null} for a head
 *                    without one (formats 1 and 2)
 * @param slope       Platt calibration of the unsafe probability's logit: slope
 * @param intercept   Platt calibration: intercept
 * @param description where the head came from (training command, data, date), for operators
 */
public record SemanticHead(List<String> labels, float[][] weights, float[] bias, NgramWeights ngrams,
                           VectorNetwork network, double slope, double intercept, String description) {

    /** The label of the harmless class, which must come first. */
    public static final String SAFE = "safe";

    /** The newest format version this code reads: a head with n-gram weights and a vector network. */
    public static final int FORMAT = 3;

    /** The format of a head with n-gram weights and no vector network, still read. */
    public static final int NGRAM_FORMAT = 2;

    /** The format of a head over the sentence vector alone, still read. */
    public static final int VECTOR_ONLY_FORMAT = 1;

    /**
     * Checks the shapes.
     *
     * @param labels      {@code safe} first, then category ids
     * @param weights     one row of weights per label
     * @param bias        one bias per label
     * @param ngrams      n-gram weights, or {@code null}
     * @param network     the vector network, or {@code null}
     * @param slope       calibration slope
     * @param intercept   calibration intercept
     * @param description provenance
     */
    public SemanticHead {
        labels = List.copyOf(labels);
        if (labels.size() < 2 || !labels.get(0).equals(SAFE)) {
            throw new IllegalArgumentException("a head needs 'safe' as its first label and at least one category, had " + labels);
        }
        if (weights.length != labels.size() || bias.length != labels.size()) {
            throw new IllegalArgumentException("a head needs one weight row and one bias per label");
        }
        for (float[] row : weights) {
            if (row.length != SentenceEncoder.DIMENSIONS) {
                throw new IllegalArgumentException("weight rows must have " + SentenceEncoder.DIMENSIONS + " values, one had " + row.length);
            }
        }
        if (ngrams != null && ngrams.labels() != labels.size()) {
            throw new IllegalArgumentException("a head needs one row of n-gram weights per label");
        }
        if (network != null && network.weights().length != labels.size()) {
            throw new IllegalArgumentException("a head needs one weight of its vector network's output per label");
        }
    }

    /**
     * A head without a vector network.
     *
     * @param labels      {@code safe} first, then category ids
     * @param weights     one row of weights per label
     * @param bias        one bias per label
     * @param ngrams      n-gram weights, or {@code null}
     * @param slope       calibration slope
     * @param intercept   calibration intercept
     * @param description provenance
     */
    public SemanticHead(List<String> labels, float[][] weights, float[] bias, NgramWeights ngrams, double slope,
                        double intercept, String description) {
        this(labels, weights, bias, ngrams, null, slope, intercept, description);
    }

    /**
     * A head over the sentence vector alone.
     *
     * @param labels      {@code safe} first, then category ids
     * @param weights     one row of weights per label
     * @param bias        one bias per label
     * @param slope       calibration slope
     * @param intercept   calibration intercept
     * @param description provenance
     */
    public SemanticHead(List<String> labels, float[][] weights, float[] bias, double slope, double intercept,
                        String description) {
        this(labels, weights, bias, null, null, slope, intercept, description);
    }

    /**
     * Reads a head from its JSON form.
     *
     * @param json   the JSON text
     * @param origin where it came from, for error messages
     * @return the head
     * @throws IllegalArgumentException if it is malformed or of another format
     */
    public static SemanticHead read(Reader json, String origin) {
        // a streaming parser: the head holds ~20,000 numbers, which a tree model (or Typesafe Config, as
        // before) takes several hundred milliseconds of every start to build
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT, "an object", origin);
            Integer format = null;
            List<String> labels = null;
            List<float[]> rows = null;
            float[] bias = null;
            Double slope = null;
            Double intercept = null;
            String description = "";
            Integer ngramBits = null;
            float[] ngramScales = null;
            String ngramWeights = null;
            VectorNetwork network = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "format" -> format = parser.getIntValue();
                    case "labels" -> labels = strings(parser, origin);
                    case "weights" -> {
                        expect(value, JsonToken.START_ARRAY, "'weights' as an array of rows", origin);
                        rows = new ArrayList<>();
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            rows.add(floats(parser, origin));
                        }
                    }
                    case "bias" -> bias = floats(parser, origin);
                    case "calibration" -> {
                        expect(value, JsonToken.START_OBJECT, "'calibration' as an object", origin);
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String name = parser.currentName();
                            parser.nextToken();
                            if (name.equals("slope")) {
                                slope = parser.getDoubleValue();
                            } else if (name.equals("intercept")) {
                                intercept = parser.getDoubleValue();
                            } else {
                                parser.skipChildren();
                            }
                        }
                    }
                    case "description" -> description = parser.getValueAsString("");
                    case "ngrams" -> {
                        expect(value, JsonToken.START_OBJECT, "'ngrams' as an object", origin);
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String name = parser.currentName();
                            parser.nextToken();
                            switch (name) {
                                case "bits" -> ngramBits = parser.getIntValue();
                                case "scales" -> ngramScales = floats(parser, origin);
                                case "weights" -> ngramWeights = parser.getText();
                                default -> parser.skipChildren();
                            }
                        }
                    }
                    case "network" -> network = network(parser, origin);
                    default -> parser.skipChildren(); // provenance and anything a newer trainer adds
                }
            }
            if (format == null || format < VECTOR_ONLY_FORMAT || format > FORMAT) {
                throw new IllegalArgumentException(origin + ": head format " + format + ", this plugin reads "
                        + VECTOR_ONLY_FORMAT + " to " + FORMAT);
            }
            if (labels == null || rows == null || bias == null || slope == null || intercept == null) {
                throw new IllegalArgumentException(origin + ": not a semantic head: it needs labels, weights, bias and "
                        + "calibration.slope / calibration.intercept");
            }
            NgramWeights ngrams = null;
            if (format >= FORMAT && network == null) {
                throw new IllegalArgumentException(origin + ": a format " + FORMAT + " head needs a network");
            }
            if (format >= NGRAM_FORMAT) {
                if (ngramBits == null || ngramScales == null || ngramWeights == null) {
                    throw new IllegalArgumentException(origin + ": a format 2 head needs ngrams.bits, ngrams.scales and ngrams.weights");
                }
                ngrams = NgramWeights.decode(ngramBits, ngramScales, ngramWeights);
            }
            return new SemanticHead(labels, rows.toArray(new float[0][]), bias, ngrams, format >= FORMAT ? network : null,
                    slope, intercept, description);
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": not a semantic head: " + e.getMessage(), e);
        }
    }

    private static VectorNetwork network(JsonParser parser, String origin) throws IOException {
        expect(parser.currentToken(), JsonToken.START_OBJECT, "'network' as an object", origin);
        List<float[]> hidden = null;
        float[] hiddenBias = null;
        float[] output = null;
        Float outputBias = null;
        float[] weights = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "hidden" -> {
                    expect(value, JsonToken.START_ARRAY, "'network.hidden' as an array of rows", origin);
                    hidden = new ArrayList<>();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        hidden.add(floats(parser, origin));
                    }
                }
                case "hiddenBias" -> hiddenBias = floats(parser, origin);
                case "output" -> output = floats(parser, origin);
                case "outputBias" -> outputBias = parser.getFloatValue();
                case "weights" -> weights = floats(parser, origin);
                default -> parser.skipChildren();
            }
        }
        if (hidden == null || hiddenBias == null || output == null || outputBias == null || weights == null) {
            throw new IllegalArgumentException(origin + ": a network needs hidden, hiddenBias, output, outputBias and weights");
        }
        return new VectorNetwork(hidden.toArray(new float[0][]), hiddenBias, output, outputBias, weights);
    }

    private static void expect(JsonToken actual, JsonToken expected, String what, String origin) {
        if (actual != expected) {
            throw new IllegalArgumentException(origin + ": not a semantic head: expected " + what + ", found " + actual);
        }
    }

    private static List<String> strings(JsonParser parser, String origin) throws IOException {
        expect(parser.currentToken(), JsonToken.START_ARRAY, "an array of strings", origin);
        List<String> values = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            expect(token, JsonToken.VALUE_STRING, "a string", origin);
            values.add(parser.getText());
        }
        return values;
    }

    private static float[] floats(JsonParser parser, String origin) throws IOException {
        expect(parser.currentToken(), JsonToken.START_ARRAY, "an array of numbers", origin);
        float[] values = new float[SentenceEncoder.DIMENSIONS];
        int n = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
                throw new IllegalArgumentException(origin + ": not a semantic head: expected a number, found " + token);
            }
            if (n == values.length) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            values[n++] = parser.getFloatValue();
        }
        return java.util.Arrays.copyOf(values, n);
    }

    /**
     * Scores one sentence vector, with no n-grams.
     *
     * @param vector the encoder's output
     * @return the calibrated probability that the text is not safe and the most likely category
     */
    public Judgement judge(float[] vector) {
        return judge(vector, null);
    }

    /**
     * Scores one text.
     *
     * @param vector the encoder's output for the text
     * @param grams  the text's n-grams as {@link #ngrams()}' extractor gives them; ignored by a head without
     *               n-gram weights, and {@code null} for none
     * @return the calibrated probability that the text is not safe and the most likely category
     */
    public Judgement judge(float[] vector, CharNgrams.Sparse grams) {
        double[] logits = new double[labels.size()];
        double max = Double.NEGATIVE_INFINITY;
        double networkOutput = network == null ? 0 : network.output(vector);
        for (int k = 0; k < logits.length; k++) {
            double z = bias[k] + (ngrams != null && grams != null ? ngrams.logit(k, grams) : 0)
                    + (network == null ? 0 : network.weights()[k] * networkOutput);
            float[] row = weights[k];
            for (int d = 0; d < row.length; d++) {
                z += row[d] * vector[d];
            }
            logits[k] = z;
            max = Math.max(max, z);
        }
        double total = 0;
        for (int k = 0; k < logits.length; k++) {
            logits[k] = Math.exp(logits[k] - max);
            total += logits[k];
        }
        int best = 1;
        int next = logits.length > 2 ? 2 : 1;
        for (int k = 2; k < logits.length; k++) {
            if (logits[k] > logits[best]) {
                next = best;
                best = k;
            } else if (k != best && (next == best || logits[k] > logits[next])) {
                next = k;
            }
        }
        double unsafe = Math.min(1, Math.max(0, 1 - logits[0] / total));
        double unsafeMass = Math.max(Double.MIN_VALUE, total - logits[0]);
        return new Judgement(calibrated(unsafe), labels.get(best), Math.min(1, logits[best] / unsafeMass),
                labels.get(next), Math.min(1, logits[next] / unsafeMass));
    }

    private double calibrated(double p) {
        double clipped = Math.min(1 - 1e-9, Math.max(1e-9, p));
        double logit = Math.log(clipped / (1 - clipped));
        return 1 / (1 + Math.exp(-(slope * logit + intercept)));
    }

    /**
     * The head's view of one text.
     *
     * @param unsafe        calibrated probability that the text is not safe
     * @param category      the most likely category if it is not
     * @param categoryShare that category's share of the unsafe probability
     * @param runnerUp      the second most likely category (the same as {@code category} for a head with one)
     * @param runnerUpShare its share of the unsafe probability
     */
    public record Judgement(double unsafe, String category, double categoryShare, String runnerUp,
                            double runnerUpShare) {

        /**
         * The same judgement, no surer than {@code ceiling} that the text is unsafe.
         *
         * @param ceiling the most {@link #unsafe()} may be
         * @return this judgement, its unsafe probability capped
         */
        public Judgement atMost(double ceiling) {
            return unsafe <= ceiling ? this : new Judgement(ceiling, category, categoryShare, runnerUp, runnerUpShare);
        }

        /**
         * The same judgement, at least {@code floor} sure that the text is unsafe.
         *
         * @param floor the least {@link #unsafe()} may be
         * @return this judgement, its unsafe probability raised to the floor
         */
        public Judgement atLeast(double floor) {
            return unsafe >= floor ? this : new Judgement(floor, category, categoryShare, runnerUp, runnerUpShare);
        }

        /** @return whether the head named a second category (a head with one has nothing else to say) */
        public boolean hasRunnerUp() {
            return !runnerUp.equals(category);
        }

        /**
         * The judgement given that the text is not of its most likely category — for a reading whose category
         * the text itself rules out: the runner-up category, and the probability that the text is unsafe in
         * one of the other categories, {@code u(1 - s) / (1 - u s)} for unsafe probability {@code u} and
         * category share {@code s} (a reading 0.99 unsafe with 88 % of it child exploitation is 0.92 unsafe
         * otherwise).
         *
         * @return the judgement without its first category; itself for a head with one category
         */
        public Judgement withoutCategory() {
            if (!hasRunnerUp()) {
                return this;
            }
            double otherwise = 1 - unsafe * categoryShare;
            double unsafeOtherwise = otherwise <= 0 ? 0 : unsafe * (1 - categoryShare) / otherwise;
            double share = categoryShare >= 1 ? 0 : runnerUpShare / (1 - categoryShare);
            return new Judgement(unsafeOtherwise, runnerUp, Math.min(1, share), runnerUp, Math.min(1, share));
        }
    }
}
