package dev.veto.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** The held-out results of a head alone, by source and by language: what the training run prints. */
final class HoldoutReport {

    private HoldoutReport() {
    }

    static String of(List<LabelledRow> rows, ToDoubleFunction<LabelledRow> score) {
        StringBuilder out = new StringBuilder("held out (the head alone; unsafe caught at >= 0.5 / >= 0.8, safe flagged at >= 0.5 / >= 0.8)\n");
        Map<String, List<LabelledRow>> groups = new TreeMap<>();
        for (LabelledRow row : rows) {
            groups.computeIfAbsent("source " + row.source(), k -> new ArrayList<>()).add(row);
            groups.computeIfAbsent("lang " + row.lang(), k -> new ArrayList<>()).add(row);
        }
        groups.put("all", rows);
        groups.forEach((name, group) -> out.append(line(name, group, score)));
        double[] s = rows.stream().mapToDouble(score).toArray();
        boolean[] unsafe = new boolean[rows.size()];
        for (int i = 0; i < unsafe.length; i++) {
            unsafe[i] = rows.get(i).unsafe();
        }
        out.append(String.format(Locale.ROOT, "AUC %.3f%n", auc(s, unsafe)));
        return out.toString();
    }

    private static String line(String name, List<LabelledRow> rows, ToDoubleFunction<LabelledRow> score) {
        int unsafe = 0, caught5 = 0, caught8 = 0, safe = 0, flagged5 = 0, flagged8 = 0;
        for (LabelledRow row : rows) {
            double s = score.applyAsDouble(row);
            if (row.unsafe()) {
                unsafe++;
                caught5 += s >= 0.5 ? 1 : 0;
                caught8 += s >= 0.8 ? 1 : 0;
            } else {
                safe++;
                flagged5 += s >= 0.5 ? 1 : 0;
                flagged8 += s >= 0.8 ? 1 : 0;
            }
        }
        return String.format(Locale.ROOT, "  %-28s unsafe %4d: %5.1f%% / %5.1f%%   safe %4d: %5.1f%% / %5.1f%%%n", name,
                unsafe, pct(caught5, unsafe), pct(caught8, unsafe), safe, pct(flagged5, safe), pct(flagged8, safe));
    }

    private static double pct(int part, int whole) {
        return whole == 0 ? Double.NaN : 100.0 * part / whole;
    }

    /** Area under the ROC curve: the chance that a random unsafe row scores above a random safe one. */
    static double auc(double[] scores, boolean[] unsafe) {
        long above = 0, ties = 0, pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!unsafe[i]) {
                continue;
            }
            for (int j = 0; j < scores.length; j++) {
                if (unsafe[j]) {
                    continue;
                }
                pairs++;
                if (scores[i] > scores[j]) {
                    above++;
                } else if (scores[i] == scores[j]) {
                    ties++;
                }
            }
        }
        return pairs == 0 ? Double.NaN : (above + ties / 2.0) / pairs;
    }
}
