package dev.veto.training;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Example weights that balance safe and unsafe within each language: without them the head learns the
 * sets' make-up ("not English, so unsafe") instead of intent. A language keeps its total weight (its row
 * count); each label gets half of it, or all of it when the language has only one label.
 */
final class Balance {

    private Balance() {
    }

    static Map<LabelledRow, Float> weights(List<LabelledRow> rows) {
        Map<String, int[]> counts = new HashMap<>();
        for (LabelledRow row : rows) {
            counts.computeIfAbsent(row.lang(), k -> new int[2])[row.unsafe() ? 1 : 0]++;
        }
        Map<LabelledRow, Float> weights = new HashMap<>();
        for (LabelledRow row : rows) {
            int[] c = counts.get(row.lang());
            int labelsPresent = (c[0] > 0 ? 1 : 0) + (c[1] > 0 ? 1 : 0);
            double share = (c[0] + c[1]) / (double) labelsPresent;
            weights.put(row, (float) (share / c[row.unsafe() ? 1 : 0]));
        }
        return weights;
    }
}
