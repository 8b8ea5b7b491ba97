package dev.veto.plugins.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class SemanticHeadTest {

    @Test
    void theBundledHeadReadsAndCoversTheHazardCategories() {
        SemanticHead head = SemanticClassifierFactory.loadHead("classpath:dev/veto/plugins/semantic/head.json", Path.of("."));
        assertThat(head.labels().get(0)).isEqualTo("safe");
        assertThat(head.labels()).contains("violent-crimes", "non-violent-crimes", "hate", "self-harm",
                "indiscriminate-weapons", "sexual-content", "privacy");
        assertThat(head.description()).contains("training");
    }

    @Test
    void scoresAreSoftmaxOverTheLabelsThenCalibrated() {
        // safe logit 0, hate logit 2 along the first dimension, violence logit 0: p(unsafe) = (e^2 + 1) / (e^2 + 2)
        SemanticHead head = SemanticHead.read(new StringReader(json(1.0, 0.0)), "test");
        float[] vector = new float[SentenceEncoder.DIMENSIONS];
        vector[0] = 1;
        SemanticHead.Judgement judgement = head.judge(vector);
        double expected = (Math.exp(2) + 1) / (Math.exp(2) + 2);
        assertThat(judgement.unsafe()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(judgement.category()).isEqualTo("hate");
        assertThat(judgement.categoryShare()).isCloseTo(Math.exp(2) / (Math.exp(2) + 1), org.assertj.core.data.Offset.offset(1e-6));
        // the runner-up takes the first category's place at the same probability of being unsafe
        assertThat(judgement.runnerUp()).isEqualTo("violent-crimes");
        SemanticHead.Judgement second = judgement.withoutCategory();
        assertThat(second.category()).isEqualTo("violent-crimes");
        // given it is not hate: violence e^0 against safe e^0, one half; calibration is the identity here
        assertThat(second.unsafe()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(second.categoryShare()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        SemanticHead.Judgement alone = new SemanticHead.Judgement(0.9, "hate", 1, "hate", 1);
        assertThat(alone.withoutCategory()).isSameAs(alone); // a head with one category has nothing else to say
        vector[0] = -1; // now violence leads and hate follows
        assertThat(head.judge(vector).category()).isEqualTo("violent-crimes");
        assertThat(head.judge(vector).runnerUp()).isEqualTo("hate");
        vector[0] = 1;

        // a calibration with slope 0 and intercept 0 says "no idea": one half, whatever the logits
        assertThat(SemanticHead.read(new StringReader(json(0.0, 0.0)), "test").judge(vector).unsafe()).isEqualTo(0.5);
    }

    @Test
    void aFormatTwoHeadAddsTheTextsNgramsToTheLogits() {
        CharNgrams grams = new CharNgrams(16);
        float[][] gramWeights = new float[3][grams.buckets()];
        for (int bucket : grams.of("odio").indices()) {
            gramWeights[1][bucket] = 4f; // "odio" (hatred) pulls towards hate
        }
        NgramWeights ngrams = NgramWeights.quantize(16, gramWeights);
        String json = json(1.0, 0.0).replace("\"format\": 1", "\"format\": 2").replace("\"bias\"",
                "\"ngrams\": {\"bits\": 16, \"scales\": " + java.util.Arrays.toString(ngrams.scales())
                        + ", \"weights\": \"" + ngrams.encode() + "\"}, \"bias\"");
        SemanticHead head = SemanticHead.read(new StringReader(json), "test");
        float[] vector = new float[SentenceEncoder.DIMENSIONS];

        assertThat(head.judge(vector, head.ngrams().grams().of("una ricetta di pasta")).unsafe())
                .isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-6)); // all logits 0: 1 - 1/3
        SemanticHead.Judgement hateful = head.judge(vector, head.ngrams().grams().of("odio"));
        assertThat(hateful.unsafe()).isGreaterThan(0.95);
        assertThat(hateful.category()).isEqualTo("hate");
        // without its n-grams the same head reads the vector alone
        assertThat(head.judge(vector).unsafe()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-6));

        assertThatThrownBy(() -> SemanticHead.read(new StringReader(json(1, 0).replace("\"format\": 1", "\"format\": 2")), "h"))
                .hasMessageContaining("ngrams.bits");
    }

    @Test
    void aFormatThreeHeadAddsItsNetworksOutputWeightedPerLabel() {
        // two hidden units reading dimension 0 and dimension 1: the network fires only when both are on (an
        // AND no single hyperplane through these inputs computes), pulling towards violent crimes
        String zeros = String.join(", ", Collections.nCopies(SentenceEncoder.DIMENSIONS - 2, "0.0"));
        String network = """
                "network": {"hidden": [[1.0, 1.0, %s], [0.0, 0.0, %s]], "hiddenBias": [-1.0, 0.0],
                 "output": [3.0, 5.0], "outputBias": 0.0, "weights": [0.0, 0.0, 2.0]},
                """.formatted(zeros, zeros);
        String json = json(1.0, 0.0).replace("[2.0, ", "[0.0, ") // the vector itself says nothing here
                .replace("\"format\": 1", "\"format\": 3")
                .replace("\"bias\"", "\"ngrams\": {\"bits\": 10, \"scales\": [0, 0, 0], \"weights\": \"" + NgramWeights.quantize(10,
                        new float[3][1024]).encode() + "\"}, " + network + " \"bias\"");
        SemanticHead head = SemanticHead.read(new StringReader(json), "test");
        assertThat(head.network()).isNotNull();

        float[] one = new float[SentenceEncoder.DIMENSIONS];
        one[0] = 1;
        float[] both = one.clone();
        both[1] = 1;
        assertThat(head.judge(one).unsafe()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-6));
        SemanticHead.Judgement judgement = head.judge(both); // hidden 1 + 1 - 1 = 1, output 3, logit 2 × 3
        assertThat(judgement.category()).isEqualTo("violent-crimes");
        double expected = (Math.exp(6) + 1) / (Math.exp(6) + 2);
        assertThat(judgement.unsafe()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));

        assertThatThrownBy(() -> SemanticHead.read(new StringReader(json.replace(network, "")), "h"))
                .hasMessageContaining("needs a network");
        assertThatThrownBy(() -> SemanticHead.read(new StringReader(json.replace("[0.0, 0.0, 2.0]", "[2.0]")), "h"))
                .hasMessageContaining("per label");
    }

    @Test
    void aMalformedHeadIsRefusedNamingItsOrigin() {
        assertThatThrownBy(() -> SemanticHead.read(new StringReader("{\"format\": 1, \"labels\": "), "my-head.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("my-head.json");
        assertThatThrownBy(() -> SemanticHead.read(new StringReader(json(1, 0).replace("\"format\": 1", "\"format\": 4")), "h"))
                .hasMessageContaining("head format 4");
        assertThatThrownBy(() -> SemanticHead.read(new StringReader(json(1, 0).replace("\"safe\"", "\"benign\"")), "h"))
                .hasMessageContaining("'safe' as its first label");
        assertThatThrownBy(() -> SemanticHead.read(new StringReader(json(1, 0).replaceFirst("\\[0\\.0, ", "[")), "h"))
                .hasMessageContaining("768");
    }

    private static String json(double slope, double intercept) {
        String zeros = String.join(", ", Collections.nCopies(SentenceEncoder.DIMENSIONS - 1, "0.0"));
        return """
                {"format": 1, "description": "test", "labels": ["safe", "hate", "violent-crimes"],
                 "calibration": {"slope": %s, "intercept": %s}, "bias": [0, 0, 0],
                 "weights": [[0.0, %s], [2.0, %s], [0.0, %s]]}
                """.formatted(slope, intercept, zeros, zeros, zeros);
    }
}
