package dev.veto.training;

import dev.veto.plugins.semantic.SemanticHead;
import dev.veto.plugins.semantic.SentenceEncoder;
import java.util.ArrayList;
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
 * Trains the head — a multinomial logistic regression over the sentence vector — with Tribuo, and turns
 * Tribuo's model into the plain weights the plugin reads.
 */
final class HeadTrainer {

    /** One training example: a sentence vector, its label and its weight. */
    record Item(float[] vector, String label, float weight) {
    }

    private static final String[] FEATURES = new String[SentenceEncoder.DIMENSIONS];

    static {
        for (int d = 0; d < FEATURES.length; d++) {
            FEATURES[d] = String.format(Locale.ROOT, "d%03d", d);
        }
    }

    private final int epochs;
    private final long seed;

    HeadTrainer(int epochs, long seed) {
        this.epochs = epochs;
        this.seed = seed;
    }

    /**
     * Trains a head.
     *
     * @param items       the examples
     * @param labels      the labels, {@code safe} first; every example's label must be one of them
     * @param description provenance written into the head
     * @return the head, uncalibrated (slope 1, intercept 0)
     */
    SemanticHead train(List<Item> items, List<String> labels, String description) {
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> examples = new ArrayList<>(items.size());
        for (Item item : items) {
            double[] values = new double[FEATURES.length];
            for (int d = 0; d < values.length; d++) {
                values[d] = item.vector()[d];
            }
            ArrayExample<Label> example = new ArrayExample<>(new Label(item.label()), FEATURES, values);
            example.setWeight(item.weight());
            examples.add(example);
        }
        MutableDataset<Label> dataset = new MutableDataset<>(new ListDataSource<>(examples, factory,
                new SimpleDataSourceProvenance("veto semantic head", factory)));
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), epochs,
                Integer.MAX_VALUE, 1, seed);
        return toHead(trainer.train(dataset), labels, description);
    }

    /** Tribuo keeps one weight row per label and the bias as the last column; features sort by name. */
    private static SemanticHead toHead(LinearSGDModel model, List<String> labels, String description) {
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
        return new SemanticHead(labels, weights, bias, 1, 0, description);
    }
}
