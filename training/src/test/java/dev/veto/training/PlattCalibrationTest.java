package dev.veto.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlattCalibrationTest {

    @Test
    void recoversTheScalingThatGeneratedTheLabels() {
        // labels drawn with P(unsafe) = sigmoid(2 * logit(score) - 0.5)
        Random random = new Random(3);
        int n = 20_000;
        double[] scores = new double[n];
        boolean[] unsafe = new boolean[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = 0.02 + 0.96 * random.nextDouble();
            unsafe[i] = random.nextDouble() < PlattCalibration.sigmoid(2 * PlattCalibration.logit(scores[i]) - 0.5);
            weights[i] = 1;
        }
        PlattCalibration.Fit fit = PlattCalibration.fit(scores, unsafe, weights);
        assertThat(fit.slope()).isCloseTo(2, offset(0.15));
        assertThat(fit.intercept()).isCloseTo(-0.5, offset(0.1));
    }
}
