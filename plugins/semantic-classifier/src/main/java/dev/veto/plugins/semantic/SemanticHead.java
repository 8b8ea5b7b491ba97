package dev.veto.plugins.semantic;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.Reader;
import java.util.List;

/**
 * The trained classification head: a multinomial logistic regression over the sentence vector whose first
 * label is {@code safe} and whose others are hazard categories, followed by a Platt calibration of the
 * probability that the text is not safe.
 *
 * <p>Stored as plain JSON (labels, weight rows, biases, calibration, provenance; written by the training
 * module) so it is read without the training library and an installation can swap in its own head.
 * Immutable and thread-safe.
 *
 * @param labels      {@code safe} first, then category ids
 * @param weights     one row of {@link SentenceEncoder#DIMENSIONS} weights per label
 * @param bias        one bias per label
 * @param slope       Platt calibration of the unsafe probability's logit: slope
 * @param intercept   Platt calibration: intercept
 * @param description where the head came from (training command, data, date), for operators
 */
public record SemanticHead(List<String> labels, float[][] weights, float[] bias, double slope, double intercept,
                           String description) {

    /** The label of the harmless class, which must come first. */
    public static final String SAFE = "safe";

    /** The format version this code reads and writes. */
    public static final int FORMAT = 1;

    /**
     * Checks the shapes.
     *
     * @param labels      {@code safe} first, then category ids
     * @param weights     one row of weights per label
     * @param bias        one bias per label
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
        try {
            Config config = ConfigFactory.parseReader(json,
                    ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON).setOriginDescription(origin));
            int format = config.getInt("format");
            if (format != FORMAT) {
                throw new IllegalArgumentException(origin + ": head format " + format + ", this plugin reads " + FORMAT);
            }
            List<String> labels = config.getStringList("labels");
            List<? extends List<?>> rows = config.getList("weights").stream().map(v -> (List<?>) v.unwrapped()).toList();
            float[][] weights = new float[rows.size()][];
            for (int i = 0; i < rows.size(); i++) {
                weights[i] = floats(rows.get(i));
            }
            return new SemanticHead(labels, weights, floats(config.getDoubleList("bias")),
                    config.getDouble("calibration.slope"), config.getDouble("calibration.intercept"),
                    config.hasPath("description") ? config.getString("description") : "");
        } catch (ConfigException | ClassCastException e) {
            throw new IllegalArgumentException(origin + ": not a semantic head: " + e.getMessage(), e);
        }
    }

    /**
     * Scores one sentence vector.
     *
     * @param vector the encoder's output
     * @return the calibrated probability that the text is not safe and the most likely category
     */
    public Judgement judge(float[] vector) {
        double[] logits = new double[labels.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < logits.length; k++) {
            double z = bias[k];
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
        for (int k = 2; k < logits.length; k++) {
            if (logits[k] > logits[best]) {
                best = k;
            }
        }
        double unsafe = Math.min(1, Math.max(0, 1 - logits[0] / total));
        double categoryShare = logits[best] / Math.max(Double.MIN_VALUE, total - logits[0]);
        return new Judgement(calibrated(unsafe), labels.get(best), Math.min(1, categoryShare));
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
     */
    public record Judgement(double unsafe, String category, double categoryShare) {
    }

    private static float[] floats(List<?> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).floatValue();
        }
        return out;
    }
}
