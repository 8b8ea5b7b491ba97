package dev.veto.plugins.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class NgramWeightsTest {

    @Test
    void quantizedWeightsScoreLikeTheFloatsTheyCameFrom() {
        Random random = new Random(7);
        float[][] weights = new float[3][1 << 10];
        for (float[] row : weights) {
            for (int b = 0; b < row.length; b++) {
                row[b] = (float) random.nextGaussian();
            }
        }
        NgramWeights quantized = NgramWeights.quantize(10, weights);
        CharNgrams.Sparse text = quantized.grams().of("an ordinary sentence about cooking pasta");
        for (int k = 0; k < 3; k++) {
            double exact = 0;
            for (int i = 0; i < text.indices().length; i++) {
                exact += weights[k][text.indices()[i]] * text.values()[i];
            }
            double step = quantized.scales()[k];
            assertThat(quantized.logit(k, text)).isCloseTo(exact, Offset.offset(step * text.indices().length));
        }
    }

    @Test
    void theStoredFormRoundTrips() {
        float[][] weights = {new float[1 << 10], new float[1 << 10]};
        weights[0][5] = 2f;
        weights[1][7] = -1f;
        NgramWeights original = NgramWeights.quantize(10, weights);
        NgramWeights read = NgramWeights.decode(10, original.scales(), original.encode());
        CharNgrams.Sparse text = new CharNgrams.Sparse(new int[] {5, 7}, new float[] {0.5f, 1f});
        assertThat(read.logit(0, text)).isCloseTo(1.0, Offset.offset(1e-6));
        assertThat(read.logit(1, text)).isCloseTo(-1.0, Offset.offset(1e-6));
    }

    @Test
    void weightsOfTheWrongShapeAreRefused() {
        NgramWeights weights = NgramWeights.quantize(10, new float[2][1 << 10]);
        assertThatThrownBy(() -> NgramWeights.decode(11, weights.scales(), weights.encode()))
                .hasMessageContaining("2^11");
        assertThatThrownBy(() -> NgramWeights.decode(10, new float[3], weights.encode()))
                .hasMessageContaining("3 labels");
    }
}
