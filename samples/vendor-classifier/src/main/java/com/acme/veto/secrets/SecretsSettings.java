package com.acme.veto.secrets;

import com.typesafe.config.Config;
import java.util.List;

/**
 * The classifier's settings, read and checked once when the host creates it: a wrong value fails start-up
 * with the setting's name instead of the first request.
 */
record SecretsSettings(List<SecretDetector> detectors, int minLength, double minEntropy, double knownFormatScore,
                       double assignedScore) {

    static SecretsSettings read(Config config) {
        List<SecretDetector> detectors = config.getStringList("detectors").stream().map(SecretDetector::byId).toList();
        if (detectors.isEmpty()) {
            throw new IllegalArgumentException("setting 'detectors' is empty: the classifier would find nothing");
        }
        return new SecretsSettings(detectors, config.getInt("assigned-secret.min-length"),
                config.getDouble("assigned-secret.min-entropy"), unit(config, "score.known-format"), unit(config, "score.assigned"));
    }

    private static double unit(Config config, String path) {
        double value = config.getDouble(path);
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("setting '" + path + "' must lie in [0, 1], was " + value);
        }
        return value;
    }
}
