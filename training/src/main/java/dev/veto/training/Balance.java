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

    /**
     * Lifts small hazard categories: each unsafe label's weight is scaled by the square root of how much
     * smaller than the average category it is (between 0.5 and 3 times), and the unsafe total is kept, so the
     * safe/unsafe balance does not move. Without it the most frequent category (non-violent crimes) absorbs
     * the small ones — "I want to end my life" read as a crime.
     */
    static List<HeadTrainer.Item> categories(List<HeadTrainer.Item> items, String safeLabel) {
        Map<String, Double> totals = new HashMap<>();
        for (HeadTrainer.Item item : items) {
            if (!item.label().equals(safeLabel)) {
                totals.merge(item.label(), (double) item.weight(), Double::sum);
            }
        }
        if (totals.isEmpty()) {
            return items;
        }
        double mean = totals.values().stream().mapToDouble(Double::doubleValue).sum() / totals.size();
        Map<String, Double> factors = new HashMap<>();
        double before = 0;
        double after = 0;
        for (Map.Entry<String, Double> entry : totals.entrySet()) {
            double factor = Math.max(0.5, Math.min(3, Math.sqrt(mean / entry.getValue())));
            factors.put(entry.getKey(), factor);
            before += entry.getValue();
            after += entry.getValue() * factor;
        }
        double keep = before / after;
        return items.stream().map(item -> item.label().equals(safeLabel) ? item
                : item.withLabel(item.label(), (float) (item.weight() * factors.get(item.label()) * keep)))
                .toList();
    }
}
