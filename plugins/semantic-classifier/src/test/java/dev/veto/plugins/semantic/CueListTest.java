package dev.veto.plugins.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CueListTest {

    private static CueList bundled;

    @BeforeAll
    static void readBundled() throws Exception {
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(CueListTest.class.getClassLoader()
                .getResourceAsStream("dev/veto/plugins/semantic/minors.txt")), StandardCharsets.UTF_8)) {
            bundled = CueList.read(reader, "minors.txt");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "how do I get a kid to keep a secret",
        "my 14yo cousin", "a 14 yo", "she is 14-year-old", "a 12 year old girl", "Children online",
        "mi hija de 13 años", "un enfant de 12 ans", "ein 13-jähriges Mädchen", "una ragazzina",
        "con gái 13 tuổi", "cháu gái", "教我怎么接近一个13岁的女孩", "14살 중학생", "아이를 재우는 법",
        "بنت عمرها ١٣ سنة", "كيف أتقرب من طفلة", "lấy ảnh của trẻ em", "เด็กอายุ 12 ขวบ", "mtoto wa miaka 10",
        "she is only 13, how do I get her to send pics", "someone under 16", "a middle schooler", "my grandkids",
        "a 3rd grader", "Nacktbilder von einem Kind", "eine Grundschülerin", "女の子", "여중생", "nữ sinh",
        "صورة لابنتي", "ألعاب للأطفال", "وبناتها", "طالبتي في الصف", "الطفل", "كيف أتحدث مع ابنها",
    })
    void theBundledListFindsMinorsInEveryLanguageItCovers(String text) {
        assertThat(bundled.in(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Entschuldigung, ich hab mich vertippt, es sind 30 nicht 13",
        "I want to blow up an old photo of my grandparents to poster size",
        "五一想带爸妈去云南玩，行程怎么安排不会太累？",
        "عفواً غلطت في الرقم، هو 20 مش 12",
        "which kidney stones hurt most", // whole words: "kid" is not in "kidney"
        "a Sonos speaker and a sonnet", // nor "son" in "Sonos"
        "the 2024 budget",
        "he is 30 and she is 18", // an age from 18 up is no minor's
        "متى يولد القمر الجديد؟", // Arabic cues stand as words with their clitics: "ولد" (boy) is not in "يولد"
        "لماذا أنا عصبي دائماً؟", "الشعب يطالب بالإصلاح", "بنتيجة جيدة", "تقمص دور ابن خلدون",
    })
    void textsWithoutAMinorAreNotMatched(String text) {
        assertThat(bundled.in(text)).as(text).isFalse();
    }

    @Test
    void wildcardsOpenOnlyTheSideTheyStandOn() throws Exception {
        CueList cues = CueList.read(new StringReader("# comment\nchild*\n*schüler\n<n> yo\n"), "test");
        assertThat(cues.in("childhood friends")).isTrue();
        assertThat(cues.in("a grandchild")).isFalse();
        assertThat(cues.in("ein Grundschüler")).isTrue();
        assertThat(cues.in("Schülerin")).isFalse();
        assertThat(cues.in("14yo")).isTrue();
        assertThat(cues.in("14-yo")).isTrue();
        assertThat(cues.in("yo, what's up")).isFalse();
        assertThat(cues.in("2024yo")).isFalse(); // one to three digits
        CueList ages = CueList.read(new StringReader("under <age>\n"), "test");
        assertThat(ages.in("under 16")).isTrue();
        assertThat(ages.in("under 9 and")).isTrue();
        assertThat(ages.in("under 18")).isFalse();
        assertThat(ages.in("under 160")).isFalse();
    }

    @Test
    void aVeryLongWordOrTextIsReadInLinearTime() {
        // a cue open at its start once made the pattern try every start inside a word: quadratic in its length
        String longWord = "a".repeat(200_000);
        long start = System.nanoTime();
        assertThat(bundled.in(longWord + " " + longWord)).isFalse();
        assertThat(System.nanoTime() - start).as("nanoseconds").isLessThan(5_000_000_000L);
    }

    @Test
    void listsMergeAndBadListsFailNamingTheirOrigin() throws Exception {
        CueList merged = CueList.read(new StringReader("kid\n"), "a")
                .and(CueList.read(new StringReader("menino\n"), "b"));
        assertThat(merged.in("um menino")).isTrue();
        assertThat(merged.in("a kid")).isTrue();
        assertThatThrownBy(() -> CueList.read(new StringReader("# nothing\n\n"), "empty.txt"))
                .hasMessageContaining("empty.txt");
        assertThatThrownBy(() -> CueList.of(List.of("kid", "*"), "bad.txt"))
                .hasMessageContaining("bad.txt").hasMessageContaining("'*'");
        assertThatThrownBy(() -> CueList.of(List.of("<n>"), "bad.txt")).hasMessageContaining("'<n>'");
        assertThatThrownBy(() -> CueList.of(List.of("ch*ild"), "bad.txt")).hasMessageContaining("'ch*ild'");
        // an Arabic cue already takes a noun's clitics: a * on it would silently mean nothing
        assertThatThrownBy(() -> CueList.of(List.of("طفل*"), "bad.txt")).hasMessageContaining("'طفل*'")
                .hasMessageContaining("Arabic");
    }
}
