package dev.veto.plugins.pii;

import com.typesafe.config.Config;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The classifier's settings, checked when it is created so a mistake fails start-up naming the setting. */
record PiiSettings(Set<PiiKind> kinds, Map<PiiKind, Double> scores, double confidence, String phoneRegion) {

    static PiiSettings read(Config config) {
        Set<PiiKind> kinds = EnumSet.noneOf(PiiKind.class);
        config.getStringList("kinds").forEach(id -> kinds.add(PiiKind.byId(id)));
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("setting 'kinds' is empty: the classifier would find nothing");
        }
        Map<PiiKind, Double> scores = new EnumMap<>(PiiKind.class);
        for (PiiKind kind : PiiKind.values()) {
            scores.put(kind, unit(config, "scores." + kind.id()));
        }
        return new PiiSettings(kinds, scores, unit(config, "confidence"), config.getString("phone.default-region"));
    }

    double score(PiiKind kind) {
        return scores.get(kind);
    }

    private static double unit(Config config, String path) {
        double value = config.getDouble(path);
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("setting '" + path + "' must lie in [0, 1], was " + value);
        }
        return value;
    }
}
