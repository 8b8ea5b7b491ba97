package dev.veto.plugins.semantic;

import java.util.Arrays;
import java.util.Base64;

/**
 * The head's weights over {@link CharNgrams} buckets: one row per label, each quantized to signed bytes
 * with its own scale. Quantized because there are {@code labels × 2^bits} of them (a megabyte at 16 labels
 * and 2^16 buckets, four as floats), and a logistic regression's ranking barely notices a 1/127 step.
 * Immutable and thread-safe.
 */
public final class NgramWeights {

    private final CharNgrams grams;
    private final float[] scales;
    private final byte[][] rows;

    private NgramWeights(int bits, float[] scales, byte[][] rows) {
        this.grams = new CharNgrams(bits);
        if (scales.length != rows.length) {
            throw new IllegalArgumentException("one n-gram scale per label needed, had " + scales.length + " for " + rows.length);
        }
        for (byte[] row : rows) {
            if (row.length != grams.buckets()) {
                throw new IllegalArgumentException("n-gram weight rows must have " + grams.buckets() + " values, one had " + row.length);
            }
        }
        this.scales = scales.clone();
        this.rows = rows;
    }

    /**
     * Quantizes trained weights.
     *
     * @param bits    log2 of the bucket count
     * @param weights one row of {@code 2^bits} weights per label
     * @return the quantized weights
     */
    public static NgramWeights quantize(int bits, float[][] weights) {
        float[] scales = new float[weights.length];
        byte[][] rows = new byte[weights.length][];
        for (int k = 0; k < weights.length; k++) {
            float max = 0;
            for (float w : weights[k]) {
                max = Math.max(max, Math.abs(w));
            }
            scales[k] = max == 0 ? 0 : max / 127f;
            rows[k] = new byte[weights[k].length];
            for (int b = 0; b < weights[k].length; b++) {
                rows[k][b] = (byte) (max == 0 ? 0 : Math.round(weights[k][b] / scales[k]));
            }
        }
        return new NgramWeights(bits, scales, rows);
    }

    /**
     * Reads the stored form.
     *
     * @param bits   log2 of the bucket count
     * @param scales one scale per label
     * @param base64 the rows' bytes, label after label, in base64
     * @return the weights
     * @throws IllegalArgumentException if the shapes do not fit
     */
    public static NgramWeights decode(int bits, float[] scales, String base64) {
        byte[] all = Base64.getDecoder().decode(base64);
        int buckets = 1 << bits;
        if (all.length != (long) scales.length * buckets) {
            throw new IllegalArgumentException("n-gram weights hold " + all.length + " bytes, " + scales.length
                    + " labels of 2^" + bits + " buckets need " + (long) scales.length * buckets);
        }
        byte[][] rows = new byte[scales.length][];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = Arrays.copyOfRange(all, k * buckets, (k + 1) * buckets);
        }
        return new NgramWeights(bits, scales, rows);
    }

    /**
     * The rows' bytes in base64, as {@link #decode} reads them.
     *
     * @return the encoded weights
     */
    public String encode() {
        byte[] all = new byte[rows.length * grams.buckets()];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(rows[k], 0, all, k * grams.buckets(), grams.buckets());
        }
        return Base64.getEncoder().encodeToString(all);
    }

    /**
     * The extractor these weights were trained with.
     *
     * @return the n-gram extractor
     */
    public CharNgrams grams() {
        return grams;
    }

    /**
     * The per-label scales.
     *
     * @return a copy of the scales
     */
    public float[] scales() {
        return scales.clone();
    }

    /**
     * The number of labels.
     *
     * @return one per row
     */
    public int labels() {
        return rows.length;
    }

    /**
     * One label's contribution to its logit.
     *
     * @param label the label's index
     * @param text  the text's n-gram vector
     * @return the weighted sum
     */
    public double logit(int label, CharNgrams.Sparse text) {
        byte[] row = rows[label];
        int[] indices = text.indices();
        float[] values = text.values();
        double sum = 0;
        for (int i = 0; i < indices.length; i++) {
            sum += row[indices[i]] * values[i];
        }
        return sum * scales[label];
    }
}
