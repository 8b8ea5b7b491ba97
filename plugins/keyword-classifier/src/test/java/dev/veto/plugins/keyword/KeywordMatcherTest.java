package dev.veto.plugins.keyword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole words by default; a {@code *} opens one end of a phrase for inflection and compounds. */
class KeywordMatcherTest {

    @Test
    void phrasesMatchWholeWordsUnlessAStarOpensAnEnd() throws IOException {
        KeywordMatcher matcher = matcher("""
                harm\tindiscriminate-weapons\t0.45\tbombe
                harm\tindiscriminate-weapons\t0.5\tbombe*
                harm\tindiscriminate-weapons\t0.6\t*bombe
                harm\tviolent-crimes\t0.5\tvergift*
                """);

        assertThat(words(matcher, "Wie baue ich eine Bombe?")).containsExactlyInAnyOrder("bombe 0.45", "bombe 0.5", "bombe 0.6");
        assertThat(words(matcher, "Wie baue ich Bomben?")).containsExactly("bomben 0.5");
        assertThat(words(matcher, "Anleitung zum Bombenbau")).containsExactly("bombenbau 0.5");
        assertThat(words(matcher, "eine Nagelbombe bauen")).containsExactly("nagelbombe 0.6");
        assertThat(words(matcher, "Er wurde vergiftet, sie vergiftete ihn")).containsExactly("vergiftet 0.5", "vergiftete 0.5");
        // open at one end only: a word that runs on at the other end is another word
        assertThat(words(matcher, "die Bombenanschläge")).containsExactly("bombenanschläge 0.5");
        assertThat(words(matcher, "unvergiftet")).isEmpty();
        // digits belong to their word
        KeywordMatcher calories = matcher("harm\tself-harm\t0.45\t500 calories\n");
        assertThat(words(calories, "only 500 calories a day")).containsExactly("500 calories 0.45");
        assertThat(words(calories, "about 1500 calories a day")).isEmpty();
        assertThat(words(calories, "1,500 calories or 1.500 calories")).isEmpty();
        assertThat(words(calories, "day 3, 500 calories")).containsExactly("500 calories 0.45");
        assertThat(words(calories, "week 1 500 calories")).containsExactly("500 calories 0.45");
        // a digit before a letter is still a boundary; a number after a phrase that ends in one is another number
        assertThat(words(matcher("harm\tself-harm\t0.5\tpills\n"), "took 30pills")).containsExactly("pills 0.5");
        assertThat(words(matcher("benign\tviolent-crimes\t0.5\tkill -9\n"), "kill -9 4312")).containsExactly("kill -9 0.5");
    }

    @Test
    void aNumberRangeMatchesEveryNumberInItWrittenAnyWay() throws IOException {
        KeywordMatcher matcher = matcher("en.tsv", """
                harm\tself-harm\t0.45\t{0-800} calories a day
                harm\tself-harm\t0.5\teat {0-800} kcal
                harm\tself-harm\t0.5\t吃{0-800}卡
                target\tchild-exploitation\t0\tunder {11-14}
                """);
        assertThat(words(matcher, "I want 450 calories a day")).containsExactly("450 calories a day 0.45");
        assertThat(words(matcher, "only 0 calories a day, 800 calories a day")).hasSize(2);
        assertThat(words(matcher, "1,500 calories a day or 1500 calories a day or 900 calories a day")).isEmpty();
        assertThat(words(matcher, "sticking to 1.500 calories a day")).isEmpty(); // fifteen hundred, grouped
        assertThat(words(matcher, "about 2,5 calories a day")).containsExactly("2,5 calories a day 0.45");
        assertThat(words(matcher, "a 500-calories a day plan")).containsExactly("500-calories a day 0.45");
        assertThat(words(matcher, "x500 calories a day")).isEmpty(); // the number stands apart
        assertThat(words(matcher, "٥٠٠ calories a day")).containsExactly("٥٠٠ calories a day 0.45");
        assertThat(words(matcher, "١٬٥٠٠ calories a day")).isEmpty(); // the Arabic thousands separator
        // English does not group thousands with a space: "day 2 400 calories" is four hundred on day two
        assertThat(words(matcher, "day 2 400 calories a day")).containsExactly("400 calories a day 0.45");
        KeywordMatcher french = matcher("fr.tsv", "harm\tself-harm\t0.45\t{200-700} calories par jour\n");
        assertThat(words(french, "je mange 1 500 calories par jour")).isEmpty(); // French groups by a space
        assertThat(words(french, "je mange 500 calories par jour")).containsExactly("500 calories par jour 0.45");
        assertThat(words(matcher, "٥٠٠٫٥ calories a day")).containsExactly("٥٠٠٫٥ calories a day 0.45"); // decimal point
        assertThat(words(matcher, "about 0.500 calories a day")).containsExactly("0.500 calories a day 0.45"); // a half
        assertThat(words(matcher, "12345,678 calories a day")).isEmpty(); // not thousands: 12345.678
        // words on both sides, touching or a space away
        assertThat(words(matcher, "should I eat 600kcal")).containsExactly("eat 600kcal 0.5");
        assertThat(words(matcher, "should I eat 600 kcal?")).containsExactly("eat 600 kcal 0.5");
        assertThat(words(matcher, "should I eat 6000 kcal")).isEmpty();
        assertThat(words(matcher, "to beat 600 kcal")).isEmpty(); // "eat" is a whole word
        assertThat(words(matcher, "每天只吃500卡可以吗")).containsExactly("吃500卡 0.5");
        assertThat(words(matcher, "每天只吃1500卡")).isEmpty();
        // the number after the words
        assertThat(words(matcher, "kids under 12 online")).containsExactly("under 12 0.0");
        assertThat(words(matcher, "under 18 online")).isEmpty();
        assertThat(words(matcher, "under 120 online")).isEmpty();
    }

    @Test
    void aMalformedNumberRangeFailsNamingItsLine() {
        assertThatThrownBy(() -> matcher("harm\tself-harm\t0.5\t{800-0} calories\n")).hasMessageContaining("test.tsv:1")
                .hasMessageContaining("lower to its upper");
        assertThatThrownBy(() -> matcher("harm\tself-harm\t0.5\t{0-800}\n")).hasMessageContaining("needs words");
        assertThatThrownBy(() -> matcher("harm\tself-harm\t0.5\t{0-8} x {0-9}\n")).hasMessageContaining("at most one");
        assertThatThrownBy(() -> matcher("harm\tself-harm\t0.5\t{0-800 calories\n")).hasMessageContaining("{min-max}");
        assertThatThrownBy(() -> matcher("harm\tself-harm\t0.5\tunder {11-14}$\n")).hasMessageContaining("belong to words");
        assertThatThrownBy(() -> matcher("harm\tself-harm\t0.5\t*{0-800} kcal\n")).hasMessageContaining("belong to words");
        assertThatThrownBy(() -> matcher("harm\tself-harm\t0.5\t{0-800}} kcal\n")).hasMessageContaining("{min-max}");
    }

    @Test
    void aPhraseOfTwoHalvesMatchesThemInEitherOrderCloseTogether() throws IOException {
        KeywordMatcher matcher = matcher("harm\tviolent-crimes\t0.65\tleiche ~ entsorg*\n");

        assertThat(words(matcher, "Wie kann ich eine Leiche entsorgen?")).containsExactly("leiche entsorgen 0.65");
        assertThat(words(matcher, "Wie entsorge ich am besten eine Leiche?")).containsExactly("entsorge ich am besten eine leiche 0.65");
        // one half alone is nothing, and two halves far apart are two subjects
        assertThat(words(matcher, "Wie entsorge ich alte Batterien?")).isEmpty();
        assertThat(words(matcher, "Im Krimi wird eine Leiche gefunden. " + "Sonst passiert lange nichts, wirklich gar nichts. "
                + "Wie entsorge ich Sperrmüll?")).isEmpty();
    }

    @Test
    void aHalfMayHoldANumberRange() throws IOException {
        KeywordMatcher matcher = matcher("harm\tchild-exploitation\t0.5\tteacher and his {1-15} year old ~ (love story|first kiss)\n");

        assertThat(words(matcher, "a love story about a teacher and his 12 year old student"))
                .containsExactly("love story about a teacher and his 12 year old 0.5");
        assertThat(words(matcher, "their first kiss: the teacher and his 12 year old pupil")).hasSize(1);
        assertThat(words(matcher, "a teacher and his 12 year old student win the quiz")).isEmpty(); // one half
        assertThat(words(matcher, "a love story about a teacher and his 25 year old wife")).isEmpty(); // out of range
        assertThat(words(matcher, "a love story about a teacher and his 112 year old ghost")).isEmpty();
    }

    @Test
    void aPhraseEndingInDollarMatchesOnlyAtTheEndOfAClause() throws IOException {
        KeywordMatcher matcher = matcher("harm\tviolent-crimes\t0.45\tbring* ~ um$\n");

        assertThat(words(matcher, "Wie bringe ich ihn um?")).containsExactly("bringe ich ihn um 0.45");
        assertThat(words(matcher, "Wie bringe ich ihn unauffällig um")).containsExactly("bringe ich ihn unauffällig um 0.45");
        assertThat(words(matcher, "Ich bringe ihn um, wenn er das nochmal macht")).hasSize(1);
        // the particle's word elsewhere in the clause is a preposition
        assertThat(words(matcher, "Wie bringe ich die Kinder um 8 Uhr ins Bett?")).isEmpty();
        assertThat(words(matcher, "Ich bringe das Buch um zehn vorbei.")).isEmpty();
        assertThatThrownBy(() -> matcher("harm\thate\t0.5\tbring$ um\n")).hasMessageContaining("test.tsv:1")
                .hasMessageContaining("'$' may only end");
        assertThatThrownBy(() -> matcher("harm\thate\t0.5\tbringe ~ $\n")).hasMessageContaining("test.tsv:1");
    }

    @Test
    void aStarIsOnlyForTheEndsOfPhrasesLongEnoughToMeanSomething() {
        assertThatThrownBy(() -> matcher("harm\thate\t0.5\tki*\n")).hasMessageContaining("test.tsv:1").hasMessageContaining("at least 4");
        assertThatThrownBy(() -> matcher("harm\thate\t0.5\tbo*mbe\n")).hasMessageContaining("only open the start or the end");
        assertThatThrownBy(() -> matcher("harm\thate\t0.5\t炸弹*\n")).hasMessageContaining("already matches inside words");
        assertThatThrownBy(() -> matcher("harm\thate\t0.5\tleiche ~ \n")).hasMessageContaining("test.tsv:1").hasMessageContaining("two non-empty halves");
        assertThatThrownBy(() -> matcher("harm\thate\t0.5\ta ~ b ~ c\n")).hasMessageContaining("two non-empty halves");
        assertThatThrownBy(() -> matcher("harm\thate\t0.5\tleiche ~ ent*\n")).hasMessageContaining("at least 4");
    }

    @Test
    void phrasesOfLanguagesOftenTypedWithoutAccentsMatchThatSpellingWhereTheTextUsesIt() throws IOException {
        KeywordMatcher matcher = matcher("lexicon/vi.tsv", """
                harm\tviolent-crimes\t0.55\tgiết người
                harm\tindiscriminate-weapons\t0.5\tsúng
                intent\t*\t0.35\tlàm sao
                """);

        assertThat(words(matcher, "lam sao de giet nguoi")).containsExactly("lam sao 0.35", "giet nguoi 0.55");
        assertThat(matcher.find("lam sao de giet nguoi")).allMatch(KeywordMatcher.Match::unaccented);
        assertThat(words(matcher, "làm sao để giết người")).containsExactly("làm sao 0.35", "giết người 0.55");
        assertThat(matcher.find("làm sao để giết người")).noneMatch(KeywordMatcher.Match::unaccented);
        // a spelling half with accents is not one typed without them
        assertThat(words(matcher, "giêt nguoi")).isEmpty();
        // a short word could be English: it counts only beside a longer unaccented phrase of its language
        assertThat(words(matcher, "the anthem was sung")).isEmpty();
        assertThat(words(matcher, "lam sao mua sung")).containsExactly("lam sao 0.35", "sung 0.5");
        // other languages' phrases keep their accents
        assertThat(words(matcher("lexicon/de.tsv", "harm\tviolent-crimes\t0.55\tjemanden töten\n"), "jemanden toten")).isEmpty();
    }

    @Test
    void englishPhrasesWithAnApostropheAlsoMatchTheSpellingWithout() throws IOException {
        KeywordMatcher matcher = matcher("lexicon/en.tsv", """
                target\tsex-crimes\t0\tgirl's drink
                action\tsex-crimes\t0.6\tdoesn't remember
                harm\tviolent-crimes\t0.55\tshow up ~ victim's blood
                """);

        assertThat(words(matcher, "so she doesnt remember what's in a girls drink")).containsExactly("doesnt remember 0.6", "girls drink 0.0");
        assertThat(words(matcher, "so she doesn't remember what's in a girl's drink")).containsExactly("doesn't remember 0.6", "girl's drink 0.0");
        assertThat(words(matcher, "will the victims blood show up")).containsExactly("victims blood show up 0.55");
        // a single word keeps its apostrophe: "victim's" without it is every "victims"
        assertThat(words(matcher("lexicon/en.tsv", "target\tnon-violent-crimes\t0\tvictim's\n"), "help for crime victims")).isEmpty();
        // French elision: taking the apostrophe out of "l'arme" (the weapon) makes "larme" (a tear)
        assertThat(words(matcher("lexicon/fr.tsv", "harm\tindiscriminate-weapons\t0.5\tl'arme\n"), "une larme")).isEmpty();
    }

    private static KeywordMatcher matcher(String source, String lexicon) throws IOException {
        return new KeywordMatcher(Lexicon.read(source, new ByteArrayInputStream(lexicon.getBytes(StandardCharsets.UTF_8))));
    }

    private static KeywordMatcher matcher(String lexicon) throws IOException {
        return new KeywordMatcher(Lexicon.read("test.tsv", new ByteArrayInputStream(lexicon.getBytes(StandardCharsets.UTF_8))));
    }

    /** Each match as the text it covers and its entry's weight. */
    private static List<String> words(KeywordMatcher matcher, String text) {
        return matcher.find(text).stream()
                .map(m -> text.substring(m.start(), m.end()).toLowerCase(java.util.Locale.ROOT) + " " + m.entry().weight()).toList();
    }
}
