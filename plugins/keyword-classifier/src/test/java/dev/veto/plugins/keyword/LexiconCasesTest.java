package dev.veto.plugins.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
            String resource = "lexicon-cases/" + language + ".tsv";
            try (InputStream in = LexiconCasesTest.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    continue;
                }
                List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] fields = line.split("\t", 4);
                    String where = resource + ":" + (i + 1);
                    if (fields.length != 4 || !(fields[0].equals("operational") || fields[0].equals("everyday"))) {
                        throw new IllegalArgumentException(where + ": expected operational|everyday, category, bound, text");
                    }
                    cases.add(new Case(where, fields[0], fields[1], Double.parseDouble(fields[2]), fields[3].strip()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
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
