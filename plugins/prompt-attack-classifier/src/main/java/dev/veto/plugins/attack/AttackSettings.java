package dev.veto.plugins.attack;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** How the families are weighed and combined, checked when the classifier is created. */
record AttackSettings(Map<String, Double> weights, List<Combination> combinations, double extraFamilyBonus,
                      double maxScore, double confidence, int suffixWindow, double suffixRatio, int suffixKinds) {

    /** Families that together are a stronger signal than each alone: persona + unrestricted is a jailbreak. */
    record Combination(Set<String> families, double score) {
    }

    static AttackSettings read(Config config, Set<String> knownFamilies) {
        Map<String, Double> weights = new TreeMap<>();
        Config weightConfig = config.getConfig("weights");
        for (String family : weightConfig.root().keySet()) {
            weights.put(family, unit(weightConfig, family, "weights." + family));
        }
        Set<String> missing = new TreeSet<>(knownFamilies);
        missing.removeAll(weights.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("setting 'weights' lacks the families " + missing);
        }
        List<Combination> combinations = new ArrayList<>();
        for (Config combination : config.getConfigList("combinations")) {
            Set<String> families = new TreeSet<>(combination.getStringList("families"));
            if (!weights.keySet().containsAll(families) || families.size() < 2) {
                throw new IllegalArgumentException("setting 'combinations': " + families + " must name two or more of " + weights.keySet());
            }
            combinations.add(new Combination(families, unit(combination, "score", "combinations.score")));
        }
        return new AttackSettings(weights, combinations, unit(config, "extra-family-bonus", "extra-family-bonus"),
                unit(config, "max-score", "max-score"), unit(config, "confidence", "confidence"),
                config.getInt("suffix.window"), unit(config, "suffix.min-symbol-ratio", "suffix.min-symbol-ratio"),
                config.getInt("suffix.min-symbol-kinds"));
    }

    /** The score of a set of matched families. */
    double score(Set<String> families) {
        double score = 0;
        for (String family : families) {
            score = Math.max(score, weights.get(family));
        }
        for (Combination combination : combinations) {
            if (families.containsAll(combination.families())) {
                score = Math.max(score, combination.score());
            }
        }
        return Math.min(maxScore, score + extraFamilyBonus * Math.max(0, families.size() - 1));
    }

    private static double unit(Config config, String path, String name) {
        double value = config.getDouble(path);
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("setting '" + name + "' must lie in [0, 1], was " + value);
        }
        return value;
    }
}
