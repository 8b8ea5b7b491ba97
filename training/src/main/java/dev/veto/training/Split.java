package dev.veto.training;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Splits rows into train, calibration and held-out parts by group (see {@link LabelledRow#group()}), with a
 * hash of the group and the seed so the split never changes unless the seed does.
 */
final class Split {

    enum Part { TRAIN, CALIBRATION, HOLDOUT }

    private final double holdoutShare;
    private final double calibrationShare;
    private final long seed;

    Split(double holdoutShare, double calibrationShare, long seed) {
        if (holdoutShare < 0 || calibrationShare <= 0 || holdoutShare + calibrationShare >= 1) {
            throw new IllegalArgumentException("shares must leave rows to train on and some to calibrate on");
        }
        this.holdoutShare = holdoutShare;
        this.calibrationShare = calibrationShare;
        this.seed = seed;
    }

    Map<Part, List<LabelledRow>> apply(List<LabelledRow> rows) {
        Map<Part, List<LabelledRow>> parts = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            parts.put(part, new ArrayList<>());
        }
        rows.forEach(row -> parts.get(partOf(row.group())).add(row));
        return parts;
    }

    Part partOf(String group) {
        double u = uniform(seed + ":" + group);
        return u < holdoutShare ? Part.HOLDOUT : u < holdoutShare + calibrationShare ? Part.CALIBRATION : Part.TRAIN;
    }

    private static double uniform(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 7; i++) {
                bits = (bits << 8) | (digest[i] & 0xff);
            }
            return bits / (double) (1L << 56);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
