package dev.veto.training;

import dev.veto.plugins.semantic.VectorNetwork;
import java.util.Random;

/**
 * Trains the head's {@link VectorNetwork}: a binary (safe / not safe) network
 * over the sentence vector with one hidden layer of rectified units — weighted cross-entropy, L2 penalty,
 * Adam, shuffled mini-batches, Glorot-initialized, all from one seed, so a run is reproducible.
 *
 * <p>Written here rather than taken from a library: the Java libraries that train networks (DL4J, DJL)
 * bring hundreds of megabytes of native code for what is two matrix products and their gradients, and
 * Tribuo, which trains the rest of the head, has no hidden layers.
 */
final class NetworkTrainer {

    /**
     * The same network with its output multiplied by {@code factor}.
     *
     * @param network a network
     * @param factor  the factor
     * @return the scaled network
     */
    static VectorNetwork scaled(VectorNetwork network, float factor) {
        float[] output = network.output().clone();
        for (int j = 0; j < output.length; j++) {
            output[j] *= factor;
        }
        return new VectorNetwork(network.hidden(), network.hiddenBias(), output, network.outputBias() * factor, network.weights());
    }

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final int hiddenUnits;
    private final int epochs;
    private final int batchSize;
    private final double learningRate;
    private final double l2;
    private final long seed;

    /**
     * A trainer.
     *
     * @param hiddenUnits  units in the hidden layer
     * @param epochs       passes over the data
     * @param batchSize    examples per update
     * @param learningRate Adam's step size
     * @param l2           L2 penalty on the weights (not the biases), per unit of example weight
     * @param seed         seed of the initialization and the shuffling
     */
    NetworkTrainer(int hiddenUnits, int epochs, int batchSize, double learningRate, double l2, long seed) {
        this.hiddenUnits = hiddenUnits;
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
        this.l2 = l2;
        this.seed = seed;
    }

    /**
     * Trains a network.
     *
     * @param vectors the inputs, all of one length
     * @param unsafe  the label of each input
     * @param weights the weight of each example (their mean should be about 1)
     * @return the network, with no per-label weights yet (the head's regression sets them)
     */
    VectorNetwork train(float[][] vectors, boolean[] unsafe, float[] weights) {
        int n = vectors.length;
        int inputs = vectors[0].length;
        Random random = new Random(seed);
        float[][] w1 = new float[hiddenUnits][inputs];
        float[] b1 = new float[hiddenUnits];
        float[] w2 = new float[hiddenUnits];
        float[] b2 = new float[1];
        double bound1 = Math.sqrt(6.0 / (inputs + hiddenUnits));
        double bound2 = Math.sqrt(6.0 / (hiddenUnits + 1));
        for (int j = 0; j < hiddenUnits; j++) {
            for (int d = 0; d < inputs; d++) {
                w1[j][d] = (float) ((random.nextDouble() * 2 - 1) * bound1);
            }
            b1[j] = (float) ((random.nextDouble() * 2 - 1) * bound1);
            w2[j] = (float) ((random.nextDouble() * 2 - 1) * bound2);
        }
        Adam adam = new Adam(hiddenUnits, inputs);
        float[][] g1 = new float[hiddenUnits][inputs];
        float[] gb1 = new float[hiddenUnits];
        float[] g2 = new float[hiddenUnits];
        float[] gb2 = new float[1];
        float[] h = new float[hiddenUnits];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int start = 0; start < n; start += batchSize) {
                int end = Math.min(n, start + batchSize);
                clear(g1, gb1, g2, gb2);
                double batchWeight = 0;
                for (int b = start; b < end; b++) {
                    int i = order[b];
                    float[] v = vectors[i];
                    double out = b2[0];
                    for (int j = 0; j < hiddenUnits; j++) {
                        h[j] = (float) Math.max(0, activation(w1[j], b1[j], v));
                        out += w2[j] * h[j];
                    }
                    double p = 1 / (1 + Math.exp(-out));
                    float delta = (float) (weights[i] * (p - (unsafe[i] ? 1 : 0)));
                    batchWeight += weights[i];
                    gb2[0] += delta;
                    for (int j = 0; j < hiddenUnits; j++) {
                        g2[j] += delta * h[j];
                        if (h[j] > 0) {
                            float back = delta * w2[j];
                            gb1[j] += back;
                            float[] row = g1[j];
                            for (int d = 0; d < inputs; d++) {
                                row[d] += back * v[d];
                            }
                        }
                    }
                }
                float scale = (float) (1 / Math.max(batchWeight, 1e-9));
                adam.step(w1, b1, w2, b2, g1, gb1, g2, gb2, scale, (float) l2);
            }
        }
        return new VectorNetwork(w1, b1, w2, b2[0], new float[0]);
    }

    private static double activation(float[] row, float bias, float[] vector) {
        float sum = bias;
        for (int d = 0; d < row.length; d++) {
            sum += row[d] * vector[d];
        }
        return sum;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int k = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[k];
            order[k] = t;
        }
    }

    private static void clear(float[][] g1, float[] gb1, float[] g2, float[] gb2) {
        for (float[] row : g1) {
            java.util.Arrays.fill(row, 0);
        }
        java.util.Arrays.fill(gb1, 0);
        java.util.Arrays.fill(g2, 0);
        gb2[0] = 0;
    }

    /** Adam's moment estimates for every parameter, and its update. */
    private final class Adam {
        private final float[][] m1;
        private final float[][] v1;
        private final float[] mb1;
        private final float[] vb1;
        private final float[] m2;
        private final float[] v2;
        private final float[] mb2 = new float[1];
        private final float[] vb2 = new float[1];
        private int t;

        Adam(int hidden, int inputs) {
            m1 = new float[hidden][inputs];
            v1 = new float[hidden][inputs];
            mb1 = new float[hidden];
            vb1 = new float[hidden];
            m2 = new float[hidden];
            v2 = new float[hidden];
        }

        /** One update from gradients summed over a batch, scaled to a mean; L2 on the weights only. */
        void step(float[][] w1, float[] b1, float[] w2, float[] b2, float[][] g1, float[] gb1, float[] g2, float[] gb2,
                  float scale, float penalty) {
            t++;
            float correction = (float) (learningRate * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t)));
            for (int j = 0; j < w1.length; j++) {
                update(w1[j], g1[j], m1[j], v1[j], scale, penalty, correction);
            }
            update(b1, gb1, mb1, vb1, scale, 0, correction);
            update(w2, g2, m2, v2, scale, penalty, correction);
            update(b2, gb2, mb2, vb2, scale, 0, correction);
        }

        private void update(float[] w, float[] g, float[] m, float[] v, float scale, float penalty, float correction) {
            for (int d = 0; d < w.length; d++) {
                float grad = g[d] * scale + penalty * w[d];
                m[d] = (float) (BETA1 * m[d] + (1 - BETA1) * grad);
                v[d] = (float) (BETA2 * v[d] + (1 - BETA2) * grad * grad);
                w[d] -= (float) (correction * m[d] / (Math.sqrt(v[d]) + EPSILON));
            }
        }
    }
}
