package dev.veto.training;

/**
 * Platt scaling: fits {@code p' = sigmoid(a * logit(p) + b)} to held-apart examples by Newton's method on the
 * weighted log loss, so that a score of 0.8 means about four in five such texts are unsafe.
 */
final class PlattCalibration {

    /** The fitted slope and intercept. */
    record Fit(double slope, double intercept) {
    }

    private PlattCalibration() {
    }

    /**
     * Fits the calibration.
     *
     * @param scores  uncalibrated unsafe probabilities
     * @param unsafe  the true labels
     * @param weights example weights
     * @return the fit
     */
    static Fit fit(double[] scores, boolean[] unsafe, double[] weights) {
        double a = 1;
        double b = 0;
        for (int iteration = 0; iteration < 100; iteration++) {
            double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
            for (int i = 0; i < scores.length; i++) {
                double x = logit(scores[i]);
                double p = sigmoid(a * x + b);
                double error = (p - (unsafe[i] ? 1 : 0)) * weights[i];
                double curvature = p * (1 - p) * weights[i];
                ga += error * x;
                gb += error;
                haa += curvature * x * x;
                hab += curvature * x;
                hbb += curvature;
            }
            double determinant = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / determinant;
            double db = (haa * gb - hab * ga) / determinant;
            a -= da;
            b -= db;
            if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) {
                break;
            }
        }
        return new Fit(a, b);
    }

    static double logit(double p) {
        double clipped = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return Math.log(clipped / (1 - clipped));
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
