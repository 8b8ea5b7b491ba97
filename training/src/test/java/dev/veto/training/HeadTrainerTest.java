package dev.veto.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veto.plugins.semantic.SemanticHead;
import dev.veto.plugins.semantic.SentenceEncoder;
import dev.veto.plugins.semantic.VectorNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The weights taken out of Tribuo's model reproduce what the model learned, label for label. */
class HeadTrainerTest {

    @Test
    void learnsSeparableClustersAndExportsThemFaithfully() {
        Random random = new Random(7);
        List<HeadTrainer.Item> items = new ArrayList<>();
        String[] labels = {"safe", "hate", "violent-crimes"};
        for (int i = 0; i < 600; i++) {
            int k = i % 3;
            items.add(new HeadTrainer.Item(clusterPoint(k, random), null, 0, labels[k], 1f));
        }
        SemanticHead head = new HeadTrainer(10, 1, 0).train(items, List.of(labels), null, "test");
        assertThat(head.labels()).containsExactly(labels);
        for (int k = 0; k < 3; k++) {
            SemanticHead.Judgement judgement = head.judge(clusterPoint(k, random));
            if (k == 0) {
                assertThat(judgement.unsafe()).isLessThan(0.2);
            } else {
                assertThat(judgement.unsafe()).isGreaterThan(0.8);
                assertThat(judgement.category()).isEqualTo(labels[k]);
            }
        }
    }

    @Test
    void theNetworksOutputIsOneMoreInputWithAWeightPerLabel() {
        // a "network" that outputs +2 on the first dimension's cluster: the only thing that tells hate from safe
        Random random = new Random(7);
        float[] hidden = new float[SentenceEncoder.DIMENSIONS];
        hidden[0] = 1;
        VectorNetwork network = new VectorNetwork(new float[][] {hidden}, new float[] {0}, new float[] {2}, 0, new float[0]);
        List<HeadTrainer.Item> items = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean hateful = i % 2 == 0;
            float[] v = new float[SentenceEncoder.DIMENSIONS];
            v[0] = hateful ? 1 : 0;
            v[1 + random.nextInt(50)] = 1; // noise the regression cannot use
            items.add(new HeadTrainer.Item(v, null, (float) network.output(v), hateful ? "hate" : "safe", 1f));
        }
        SemanticHead head = new HeadTrainer(10, 1, 0).train(items, List.of("safe", "hate"), network, "test");

        assertThat(head.network()).isNotNull();
        assertThat(head.network().weights()[1]).isGreaterThan(head.network().weights()[0]);
        float[] hateful = new float[SentenceEncoder.DIMENSIONS];
        hateful[0] = 1;
        assertThat(head.network().output(hateful)).isEqualTo(2.0);
        assertThat(head.judge(hateful).unsafe()).isGreaterThan(head.judge(new float[SentenceEncoder.DIMENSIONS]).unsafe());
    }

    /** Cluster k sits around the unit vector of dimension 10 * k, with some noise. */
    private static float[] clusterPoint(int k, Random random) {
        float[] v = new float[SentenceEncoder.DIMENSIONS];
        for (int d = 0; d < v.length; d++) {
            v[d] = (float) (random.nextGaussian() * 0.05);
        }
        v[10 * k] += 1;
        return v;
    }
}
