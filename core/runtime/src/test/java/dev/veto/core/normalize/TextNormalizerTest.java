package dev.veto.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veto.spi.signal.Span;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void plainAsciiIsReturnedUnchanged() {
        NormalizedText text = normalizer.normalize("How do I bake bread?\n");
        assertThat(text.changed()).isFalse();
        assertThat(text.text()).isEqualTo("How do I bake bread?\n");
        assertThat(text.toOriginal(new Span(4, 6))).isEqualTo(new Span(4, 6));
    }

    @Test
    void compatibilityFormsBecomePlainLetters() {
        NormalizedText text = normalizer.normalize("ｂｏｍｂ ﬁle ①");
        assertThat(text.text()).isEqualTo("bomb file 1");
        assertThat(text.notes()).contains("applied NFKC compatibility normalization");
    }

    @Test
    void invisibleAndBidiControlsAreRemoved() {
        NormalizedText text = normalizer.normalize("p\u200Bi\u200Dp\u2060e \u202Ebomb\u202C\uFEFF");
        assertThat(text.text()).isEqualTo("pipe bomb");
        assertThat(text.notes()).contains("removed 6 invisible or control character(s)");
    }

    @Test
    void combiningSequencesAreComposedAndMappedBack() {
        String original = "cafe\u0301 bomb";
        NormalizedText text = normalizer.normalize(original);
        assertThat(text.text()).isEqualTo("café bomb");
        Span cafe = text.toOriginal(new Span(0, 4));
        assertThat(original.substring(cafe.start(), cafe.end())).isEqualTo("cafe\u0301");
        Span bomb = text.toOriginal(new Span(5, 9));
        assertThat(original.substring(bomb.start(), bomb.end())).isEqualTo("bomb");
    }

    @Test
    void spansMapAcrossRemovedCharacters() {
        String original = "\u200Bxx b\u200Bo\u200Bm\u200Bb yy";
        NormalizedText text = normalizer.normalize(original);
        int at = text.text().indexOf("bomb");
        Span span = text.toOriginal(new Span(at, at + 4));
        assertThat(original.substring(span.start(), span.end())).isEqualTo("b\u200Bo\u200Bm\u200Bb");
    }

    @Test
    void unpairedSurrogatesBecomeReplacementCharactersAndPairsSurvive() {
        NormalizedText text = normalizer.normalize("a\uD800b\uDC00c \uD83D\uDE00");
        assertThat(text.text()).isEqualTo("a\uFFFDb\uFFFDc \uD83D\uDE00");
        assertThat(text.notes()).contains("replaced 2 unpaired surrogate(s) with U+FFFD");
    }

    @Test
    void emptyTextStaysEmpty() {
        assertThat(normalizer.normalize("").text()).isEmpty();
    }
}
