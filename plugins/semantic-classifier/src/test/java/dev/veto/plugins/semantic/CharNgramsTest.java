package dev.veto.plugins.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        // 偷 eight times and 车 once (a separate run): 1 + ln 8 against 1, not 8 against 1
        CharNgrams.Sparse text = grams.of("偷偷偷偷偷偷偷偷 车");
        int steal = grams.of("偷").indices()[0];
        int car = grams.of("车").indices()[0];
        double ratio = value(text, steal) / value(text, car);
        assertThat(ratio).isCloseTo(1 + Math.log(8), org.assertj.core.data.Offset.offset(1e-5));
    }

    private static double value(CharNgrams.Sparse vector, int bucket) {
        int at = Arrays.binarySearch(vector.indices(), bucket);
        assertThat(at).isNotNegative();
        return vector.values()[at];
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
    void neighbouringWordsAddTheirPair() {
        // "kill myself" is not "kill process": each word's grams, and one bucket for the pair
        int apart = grams.of("kill").indices().length + grams.of("myself").indices().length;
        assertThat(grams.of("kill myself").indices()).hasSize(apart + 1);
        assertThat(grams.of("kill myself").indices()).isNotEqualTo(grams.of("myself kill").indices());
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"hi|1", "try again|2", "Hello, how are you?|4",
            "kill -9|2", "你好|1", "如何制造炸弹|3", "안녕하세요|1", "고급 매춘부랑 어떻게 섹스하냐?|4", "!!!|0"})
    void wordsCountRunsOfSpacedScriptsAndPairsOfUnspacedChars(String text, int words) {
        assertThat(CharNgrams.words(text)).isEqualTo(words);
    }
}
