package dev.veto.plugins.semantic;

/**
 * A small network over the sentence vector — one hidden layer of rectified units and one output — whose
 * output (a scaled logit of "not safe") is one more input of the head's regression, weighted per label.
 *
 * <p>Why: a linear head on a frozen sentence vector separates topics well and intents badly ("blow up a
 * balloon" lies beside "blow up a house"), and every round of contrast pairs that taught it one more
 * distinction cost it another. The hidden layer can combine directions — this topic <em>and</em> that
 * purpose — which a single hyperplane cannot; the regression keeps the n-gram view and the category
 * choice. Trained by the training module on out-of-fold outputs, so the regression learns how far to trust
 * the network on texts it has not seen (docs/evaluation.md).
 *
 * <p>Immutable and thread-safe.
 *
 * @param hidden     one row of {@link SentenceEncoder#DIMENSIONS} weights per hidden unit
 * @param hiddenBias one bias per hidden unit
 * @param output     one weight per hidden unit
 * @param outputBias the output's bias
 * @param weights    the regression's weight of the output, one per label of the head (empty for a network
 *                   whose head is still being trained)
 */
public record VectorNetwork(float[][] hidden, float[] hiddenBias, float[] output, float outputBias, float[] weights) {

    /**
     * Checks the shapes.
     *
     * @param hidden     one row of weights per hidden unit
     * @param hiddenBias one bias per hidden unit
     * @param output     one weight per hidden unit
     * @param outputBias the output's bias
     * @param weights    one weight per label
     */
    public VectorNetwork {
        if (hidden.length == 0 || hiddenBias.length != hidden.length || output.length != hidden.length) {
            throw new IllegalArgumentException("a vector network needs at least one hidden unit, each with a bias and an output weight");
        }
        for (float[] row : hidden) {
            if (row.length != SentenceEncoder.DIMENSIONS) {
                throw new IllegalArgumentException("hidden rows must have " + SentenceEncoder.DIMENSIONS + " values, one had " + row.length);
            }
        }
    }

    /**
     * The network's output for one sentence vector.
     *
     * @param vector the encoder's output
     * @return the output, before the per-label weights
     */
    public double output(float[] vector) {
        double out = outputBias;
        for (int j = 0; j < hidden.length; j++) {
            float[] row = hidden[j];
            float h = hiddenBias[j];
            for (int d = 0; d < row.length; d++) {
                h += row[d] * vector[d];
            }
            if (h > 0) {
                out += output[j] * h;
            }
        }
        return out;
    }
}
