package dev.veto.training;

import dev.veto.plugins.semantic.CharNgrams;
import dev.veto.plugins.semantic.NgramWeights;
import dev.veto.plugins.semantic.SemanticHead;
import dev.veto.plugins.semantic.SentenceEncoder;
import dev.veto.plugins.semantic.VectorNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the head — a multinomial logistic regression over the sentence vector and, where the items carry
 * them, the text's hashed character n-grams — with Tribuo, and turns Tribuo's model into the plain weights
 * the plugin reads.
 */
final class HeadTrainer {

    /**
     * One training example: a sentence vector, its n-grams (or {@code null}), the vector network's output for
     * it (out of fold for training rows; 0 without a network), its label and its weight.
     */
    record Item(float[] vector, CharNgrams.Sparse grams, float network, String label, float weight) {

        Item withLabel(String newLabel, float newWeight) {
            return new Item(vector, grams, network, newLabel, newWeight);
        }

        Item withNetwork(float output) {
            return new Item(vector, grams, output, label, weight);
        }
    }

    /** The name of the network's output among the regression's features. */
    private static final String NETWORK_FEATURE = "n000";

    private static final String[] FEATURES = new String[SentenceEncoder.DIMENSIONS];

    static {
        for (int d = 0; d < FEATURES.length; d++) {
            FEATURES[d] = String.format(Locale.ROOT, "d%03d", d);
        }
    }

    private final int epochs;
    private final long seed;
    private final int ngramBits;

    /**
     * A trainer.
     *
     * @param epochs    SGD epochs
     * @param seed      SGD's seed
     * @param ngramBits log2 of the n-gram buckets the items' n-grams were hashed into; 0 for none
     */
    HeadTrainer(int epochs, long seed, int ngramBits) {
        this.epochs = epochs;
        this.seed = seed;
        this.ngramBits = ngramBits;
    }

    /**
     * Trains a head.
     *
     * @param items       the examples
     * @param labels      the labels, {@code safe} first; every example's label must be one of them
     * @param network     the vector network whose outputs the items carry, or {@code null} for none
     * @param description provenance written into the head
     * @return the head, uncalibrated (slope 1, intercept 0)
     */
    SemanticHead train(List<Item> items, List<String> labels, VectorNetwork network, String description) {
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> examples = new ArrayList<>(items.size());
        for (Item item : items) {
            int grams = item.grams() == null ? 0 : item.grams().indices().length;
            int extra = network == null ? 0 : 1;
            String[] names = Arrays.copyOf(FEATURES, FEATURES.length + extra + grams);
            double[] values = new double[names.length];
            for (int d = 0; d < FEATURES.length; d++) {
                values[d] = item.vector()[d];
            }
            if (network != null) {
                names[FEATURES.length] = NETWORK_FEATURE;
                values[FEATURES.length] = item.network();
            }
            for (int g = 0; g < grams; g++) {
                names[FEATURES.length + extra + g] = gramFeature(item.grams().indices()[g]);
                values[FEATURES.length + extra + g] = item.grams().values()[g];
            }
            ArrayExample<Label> example = new ArrayExample<>(new Label(item.label()), names, values);
            example.setWeight(item.weight());
            examples.add(example);
        }
        MutableDataset<Label> dataset = new MutableDataset<>(new ListDataSource<>(examples, factory,
                new SimpleDataSourceProvenance("veto semantic head", factory)));
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), epochs,
                Integer.MAX_VALUE, 1, seed);
        return toHead(trainer.train(dataset), labels, network, description);
    }

    private static String gramFeature(int bucket) {
        return String.format(Locale.ROOT, "g%07x", bucket);
    }

    /** Tribuo keeps one weight row per label and the bias as the last column; features sort by name. */
    private SemanticHead toHead(LinearSGDModel model, List<String> labels, VectorNetwork network, String description) {
        DenseMatrix matrix = model.getWeightsCopy();
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        ImmutableFeatureMap features = model.getFeatureIDMap();
        int biasColumn = matrix.getDimension2Size() - 1;
        float[][] weights = new float[labels.size()][SentenceEncoder.DIMENSIONS];
        float[] bias = new float[labels.size()];
        for (int k = 0; k < labels.size(); k++) {
            int row = outputs.getID(new Label(labels.get(k)));
            if (row < 0) {
                throw new IllegalStateException("no training example has the label " + labels.get(k));
            }
            bias[k] = (float) matrix.get(row, biasColumn);
            for (int d = 0; d < FEATURES.length; d++) {
                int column = features.getID(FEATURES[d]);
                weights[k][d] = column < 0 ? 0f : (float) matrix.get(row, column);
            }
        }
        NgramWeights ngrams = null;
        if (ngramBits > 0) {
            float[][] gramWeights = new float[labels.size()][1 << ngramBits];
            for (int b = 0; b < 1 << ngramBits; b++) {
                int column = features.getID(gramFeature(b));
                if (column >= 0) {
                    for (int k = 0; k < labels.size(); k++) {
                        gramWeights[k][b] = (float) matrix.get(outputs.getID(new Label(labels.get(k))), column);
                    }
                }
            }
            ngrams = NgramWeights.quantize(ngramBits, gramWeights);
        }
        VectorNetwork vectorNetwork = null;
        if (network != null) {
            int column = features.getID(NETWORK_FEATURE);
            float[] networkWeights = new float[labels.size()];
            for (int k = 0; k < labels.size(); k++) {
                networkWeights[k] = column < 0 ? 0f : (float) matrix.get(outputs.getID(new Label(labels.get(k))), column);
            }
            vectorNetwork = new VectorNetwork(network.hidden(), network.hiddenBias(), network.output(), network.outputBias(),
                    networkWeights);
        }
        return new SemanticHead(labels, weights, bias, ngrams, vectorNetwork, 1, 0, description);
    }
}
