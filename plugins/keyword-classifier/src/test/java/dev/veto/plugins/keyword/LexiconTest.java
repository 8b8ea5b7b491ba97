package dev.veto.plugins.keyword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading lexicon lines: alternatives in parentheses stand for a phrase each. */
class LexiconTest {

    private static List<LexiconEntry> read(String lines) throws Exception {
        return Lexicon.read("lexicon/en.tsv", new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void alternativesStandForOnePhraseEachWithTheLinesKindWeightAndSource() throws Exception {
        List<LexiconEntry> entries = read("# cameras\nbenign\tsex-crimes\t0.45\thow (do|can) i (find|detect) hidden cameras\n");
        assertThat(entries).extracting(LexiconEntry::phrase).containsExactly(
                "how do i find hidden cameras", "how do i detect hidden cameras",
                "how can i find hidden cameras", "how can i detect hidden cameras");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(LexiconEntry.Kind.BENIGN);
            assertThat(e.weight()).isEqualTo(0.45);
            assertThat(e.source()).isEqualTo("lexicon/en.tsv:2");
        });
    }

    @Test
    void anEmptyAlternativeLeavesWordsOutAndSpacesCollapse() throws Exception {
        assertThat(read("benign\tsex-crimes\t0.45\tin (my |)hotel room\n")).extracting(LexiconEntry::phrase)
                .containsExactly("in my hotel room", "in hotel room");
        assertThat(read("harm\thate\t0.5\t(|the )vermin ~ (must|should) go$\n")).extracting(LexiconEntry::phrase)
                .containsExactly("vermin ~ must go$", "vermin ~ should go$", "the vermin ~ must go$", "the vermin ~ should go$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"how (do|can i", "how do) i", "how ((do|can)|may) i", "how (do) i", "(|) ", "(a|b)(c|d)(e|f)(g|h)(i|j)(k|l)(m|n)"})
    void malformedOrRunawayAlternativesFailNamingTheLine(String phrase) {
        assertThatThrownBy(() -> read("intent\t*\t0.35\t" + phrase + "\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("lexicon/en.tsv:1: ");
    }

    @Test
    void eachAlternativeIsCheckedLikeAWrittenPhrase() {
        assertThatThrownBy(() -> read("harm\thate\t0.5\t(vermin|b*)\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lexicon/en.tsv:1").hasMessageContaining("b*");
    }
}
