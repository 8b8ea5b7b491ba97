package dev.veto.plugins.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veto.testkit.CaseFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases per language, kept beside the lexicons in {@code src/test/resources/lexicon-cases/<lang>.tsv}, one a
 * line: {@code operational <TAB> category <TAB> at least <TAB> text} — a request for harm that must reach that
 * score (0.8 refuses, 0.5 constrains) — or {@code everyday <TAB> category <TAB> below <TAB> text} — its
 * harmless twin, which must stay under it. Blank lines and {@code #} comments are skipped. A file per
 * language lets the lexicon of each grow with its own cases.
 */
class LexiconCasesTest {

    record Case(String where, String kind, String category, double bound, String text) {
        @Override
        public String toString() {
            return where + " " + kind + " " + category + ": " + text;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String language : BundledLexicons.LANGUAGES) {
            for (CaseFiles.Line line : CaseFiles.read(LexiconCasesTest.class.getClassLoader(),
                    "lexicon-cases/" + language + ".tsv", 4)) {
                String kind = line.field(0);
                if (!(kind.equals("operational") || kind.equals("everyday"))) {
                    throw new IllegalArgumentException(line.where() + ": expected operational|everyday, category, bound, text");
                }
                cases.add(new Case(line.where(), kind, line.field(1), Double.parseDouble(line.field(2)), line.field(3)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCaseScoresOnItsSideOfTheBound(Case c) throws Exception {
        double score = BundledLexicons.score(c.text(), c.category());
        if (c.kind().equals("operational")) {
            assertThat(score).as(c.toString()).isGreaterThanOrEqualTo(c.bound());
        } else {
            assertThat(score).as(c.toString()).isLessThan(c.bound());
        }
    }
}
