package dev.veto.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veto.plugins.semantic.SentenceEncoder;
import dev.veto.plugins.semantic.VectorNetwork;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hidden layer learns what a linear head cannot, from the same seed the same way every time. */
class NetworkTrainerTest {

    private static final int N = 800;

    @Test
    void learnsAnExclusiveOrWhichNoHyperplaneSeparates() {
        Data data = exclusiveOr(new Random(1));
        VectorNetwork network = new NetworkTrainer(16, 60, 32, 1e-2, 1e-4, 7).train(data.x, data.y, data.w);

        Data fresh = exclusiveOr(new Random(2));
        int right = 0;
        for (int i = 0; i < N; i++) {
            right += (network.output(fresh.x[i]) > 0) == fresh.y[i] ? 1 : 0;
        }
        assertThat(right / (double) N).isGreaterThan(0.95);
    }

    @Test
    void exampleWeightsCount() {
        Data data = exclusiveOr(new Random(1));
        // every "unsafe" example weighs nothing: the network learns that everything is safe
        float[] unsafeIgnored = new float[N];
        for (int i = 0; i < N; i++) {
            unsafeIgnored[i] = data.y[i] ? 0f : 2f;
        }
        VectorNetwork network = new NetworkTrainer(16, 30, 32, 1e-2, 1e-4, 7).train(data.x, data.y, unsafeIgnored);
        for (int i = 0; i < N; i++) {
            assertThat(network.output(data.x[i])).isNegative();
        }
    }

    @Test
    void oneSeedOneNetworkAndScalingScalesTheOutput() {
        Data data = exclusiveOr(new Random(1));
        NetworkTrainer trainer = new NetworkTrainer(8, 5, 32, 1e-2, 1e-4, 7);
        VectorNetwork a = trainer.train(data.x, data.y, data.w);
        VectorNetwork b = trainer.train(data.x, data.y, data.w);
        assertThat(a.hidden()).isDeepEqualTo(b.hidden());
        assertThat(a.output()).containsExactly(b.output());
        assertThat(NetworkTrainer.scaled(a, 0.25f).output(data.x[0])).isCloseTo(a.output(data.x[0]) / 4, org.assertj.core.data.Offset.offset(1e-5));
    }

    private record Data(float[][] x, boolean[] y, float[] w) {
    }

    /** Points around (±1, ±1) in the first two dimensions of a sentence vector: unsafe where the signs agree. */
    private static Data exclusiveOr(Random random) {
        float[][] x = new float[N][];
        boolean[] y = new boolean[N];
        for (int i = 0; i < N; i++) {
            float a = random.nextBoolean() ? 1 : -1;
            float b = random.nextBoolean() ? 1 : -1;
            x[i] = new float[SentenceEncoder.DIMENSIONS];
            x[i][0] = a + (float) random.nextGaussian() * 0.2f;
            x[i][1] = b + (float) random.nextGaussian() * 0.2f;
            y[i] = a == b;
        }
        float[] w = new float[N];
        Arrays.fill(w, 1f);
        return new Data(x, y, w);
    }
}
