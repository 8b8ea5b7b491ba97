package dev.veto.plugins.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CharNgramsTest {

    private final CharNgrams grams = new CharNgrams(16);

    @Test
    void bucketsArePartOfTheTrainedHeadsFormatAndNeverMove() {
        // a head's n-gram weights are indexed by these buckets: a change to the hashing silently scrambles
        // every shipped head, so it must come with a new head format
        // "▁hi▁": the 3-grams ▁hi and hi▁, the 4-gram ▁hi▁, and the whole word
        assertThat(grams.of("hi").indices()).containsExactly(1213, 12047, 16898, 45472);
        // 偷车: 偷, 车 and 偷车
        assertThat(grams.of("偷车").indices()).containsExactly(41156, 47461, 59711);
    }

    @Test
    void theVectorHasUnitLengthAndIgnoresCaseAndPunctuation() {
        CharNgrams.Sparse a = grams.of("How do I steal a car?");
        CharNgrams.Sparse b = grams.of("HOW do i STEAL a car!!");
        assertThat(a.indices()).containsExactly(b.indices());
        assertThat(norm(a)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(a.indices()).isSorted();
    }

    @Test
    void repeatedGramsAreDampedNotCounted() {
        CharNgrams.Sparse once = grams.of("bomb");
        CharNgrams.Sparse often = grams.of("bomb bomb bomb bomb bomb bomb bomb bomb");
        assertThat(often.indices()).containsExactly(once.indices());
        assertThat(often.values()).containsExactly(once.values()); // same shape after scaling
    }

    @Test
    void scriptsWithoutSpacesGiveCharacterGrams() {
        // Thai (vowel signs are combining marks, still part of the word), Chinese, Korean
        assertThat(grams.of("ฉันจะขโมยรถได้อย่างไร").indices().length).isGreaterThan(20);
        assertThat(grams.of("我怎样才能偷车").indices()).hasSizeGreaterThanOrEqualTo(15); // 7 + 6 + 5 grams
        assertThat(grams.of("차를 훔치는 방법").indices()).hasSizeGreaterThanOrEqualTo(10);
        // a shared character gives a shared bucket: 偷 (steal) alone and inside a sentence
        assertThat(Arrays.stream(grams.of("我怎样才能偷车").indices()).boxed())
                .containsAll(Arrays.stream(grams.of("偷").indices()).boxed().toList());
    }

    @Test
    void aTextWithoutWordsIsEmpty() {
        assertThat(grams.of("").indices()).isEmpty();
        assertThat(grams.of("  ?! -- ...").indices()).isEmpty();
    }

    @Test
    void bucketCountsOutsideTheRangeAreRefused() {
        assertThatThrownBy(() -> new CharNgrams(4)).hasMessageContaining("2^4");
        assertThat(Arrays.stream(new CharNgrams(10).of("some words here").indices()).boxed().toList()).allMatch(i -> i >= 0 && i < 1024);
    }

    private static double norm(CharNgrams.Sparse v) {
        double sum = 0;
        for (float x : v.values()) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
