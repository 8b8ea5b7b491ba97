package dev.veto.training;

import dev.veto.plugins.semantic.VectorNetwork;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Gives every row the vector network's output, as the regression will read it: a training row gets the
 * output of a network trained on the other folds (by group, so neither half of a matched pair sees the
 * other), every other row that of the network trained on all training rows, which is the one the head
 * ships. Trained on its own outputs, the regression would learn to trust the network as much as it fits its
 * training data, not as much as it deserves on new text.
 */
final class NetworkOutputs {

    /** The outputs are logits; a quarter of one keeps the regression's SGD steps in proportion. */
    private static final float SCALE = 0.25f;

    private final NetworkTrainer trainer;
    private final int folds;
    private final long seed;

    NetworkOutputs(NetworkTrainer trainer, int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("out-of-fold outputs need at least two folds, had " + folds);
        }
        this.trainer = trainer;
        this.folds = folds;
        this.seed = seed;
    }

    /**
     * Trains the networks and sets each row's output in {@code items}.
     *
     * @param train   the training rows
     * @param rows    every row
     * @param weights the training rows' weights
     * @param items   every row's item, replaced by one carrying its output
     * @return the network trained on all training rows, which the head ships
     */
    VectorNetwork attach(List<LabelledRow> train, List<LabelledRow> rows, Map<LabelledRow, Float> weights,
                                  Map<LabelledRow, HeadTrainer.Item> items) {
        int[] fold = train.stream().mapToInt(row -> Math.floorMod((seed + ":fold:" + row.group()).hashCode(), folds)).toArray();
        // fold f's network leaves fold f out; network number `folds` sees every training row
        VectorNetwork[] networks = IntStream.rangeClosed(0, folds).parallel()
                .mapToObj(f -> train(train, weights, items, fold, f)).toArray(VectorNetwork[]::new);
        for (int i = 0; i < train.size(); i++) {
            LabelledRow row = train.get(i);
            items.put(row, items.get(row).withNetwork((float) networks[fold[i]].output(items.get(row).vector())));
        }
        VectorNetwork shipped = networks[folds];
        for (LabelledRow row : rows) {
            if (!weights.containsKey(row)) {
                items.put(row, items.get(row).withNetwork((float) shipped.output(items.get(row).vector())));
            }
        }
        return shipped;
    }

    private VectorNetwork train(List<LabelledRow> train, Map<LabelledRow, Float> weights,
                                         Map<LabelledRow, HeadTrainer.Item> items, int[] fold, int leftOut) {
        int[] chosen = IntStream.range(0, train.size()).filter(i -> fold[i] != leftOut).toArray();
        float[][] vectors = new float[chosen.length][];
        boolean[] unsafe = new boolean[chosen.length];
        float[] exampleWeights = new float[chosen.length];
        for (int k = 0; k < chosen.length; k++) {
            LabelledRow row = train.get(chosen[k]);
            vectors[k] = items.get(row).vector();
            unsafe[k] = row.unsafe();
            exampleWeights[k] = weights.get(row);
        }
        long start = System.nanoTime();
        VectorNetwork network = NetworkTrainer.scaled(trainer.train(vectors, unsafe, exampleWeights), SCALE);
        System.out.printf(Locale.ROOT, "vector network %s trained on %d rows in %.0f s%n", leftOut == folds ? "to ship" : "without fold " + leftOut,
                chosen.length, (System.nanoTime() - start) / 1e9);
        return network;
    }
}
