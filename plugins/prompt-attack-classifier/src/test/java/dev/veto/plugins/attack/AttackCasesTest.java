package dev.veto.plugins.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.veto.core.normalize.TextNormalizer;
import dev.veto.spi.classifier.ClassificationInput;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.signal.Signal;
import dev.veto.testkit.CaseFiles;
import dev.veto.testkit.Requests;
import dev.veto.testkit.TestComponentContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cases per language, kept in {@code src/test/resources/attack-cases/<lang>.tsv}, one a line:
 * {@code attack <TAB> family <TAB> text} — an attack that must be found as that family, scoring at least the
 * family's weight if the family is strong alone (weight at or above the constrain threshold), or the refuse
 * threshold if it is a weak one that only counts with another (persona, unrestricted: the case must hold the
 * other family too) — or {@code benign <TAB> - <TAB> text}, a look-alike that must stay below the constrain
 * threshold. Texts are normalized as the host does before classifying. Blank lines and {@code #} comments are
 * skipped.
 */
class AttackCasesTest {

    /** The languages with a case file; the first nine are the ones with every family. */
    static final List<String> LANGUAGES = List.of("en", "es", "fr", "de", "it", "zh", "ko", "ar", "vi",
            "pt", "ru", "ja", "tr", "th", "bn", "sw", "jv");
    static final Set<String> MAJOR = Set.copyOf(LANGUAGES.subList(0, 9));

    /** The default policy's thresholds for prompt-attack (policy.conf). */
    static final double CONSTRAIN = 0.5;
    static final double REFUSE = 0.8;

    private static final TextNormalizer NORMALIZER = new TextNormalizer();
    private static final TestComponentContext CONTEXT = context();
    private static final Classifier CLASSIFIER = new PromptAttackClassifierFactory().create(CONTEXT);

    record Case(String where, String language, boolean attack, String family, String text) {
        @Override
        public String toString() {
            return where + " " + (attack ? family : "benign") + ": " + text;
        }
    }

    private static TestComponentContext context() {
        try {
            return TestComponentContext.of(PromptAttackClassifierFactory.class, ConfigFactory.empty(),
                    Files.createDirectories(Path.of("target", "classifier-data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        ClassLoader loader = AttackCasesTest.class.getClassLoader();
        for (String language : LANGUAGES) {
            String resource = "attack-cases/" + language + ".tsv";
            if (loader.getResource(resource) == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            for (CaseFiles.Line line : CaseFiles.read(loader, resource, 3)) {
                String kind = line.field(0);
                if (!(kind.equals("attack") || kind.equals("benign")) || kind.equals("benign") != line.field(1).equals("-")) {
                    throw new IllegalArgumentException(line.where() + ": expected attack <TAB> family | benign <TAB> -, then the text");
                }
                cases.add(new Case(line.where(), language, kind.equals("attack"), line.field(1), line.field(2)));
            }
        }
        return cases;
    }

    static Stream<Case> cases() {
        return all().stream();
    }

    private static String normalized(String text) {
        return NORMALIZER.normalize(text).text();
    }

    private static List<Signal> classify(String text) throws Exception {
        String normalized = normalized(text);
        return CLASSIFIER.classify(new ClassificationInput(Stage.INPUT, normalized, "und", Requests.of(normalized)));
    }

    /** What an attack of this family must reach: its weight if it is strong alone, else the refuse threshold. */
    private static double floor(String family) {
        Config weights = CONTEXT.config().getConfig("weights");
        double weight = weights.getDouble(family);
        return weight >= CONSTRAIN ? weight : REFUSE;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCaseScoresOnItsSide(Case c) throws Exception {
        List<Signal> signals = classify(c.text());
        if (c.attack()) {
            assertThat(signals).as(c.toString()).singleElement().satisfies(s -> {
                assertThat(s.evidence()).as(c.toString()).contains(c.family());
                assertThat(s.score()).as(c + " " + s.evidence()).isGreaterThanOrEqualTo(floor(c.family()));
            });
        } else {
            assertThat(signals).allSatisfy(s -> assertThat(s.score()).as(c + " " + s.evidence()).isLessThan(CONSTRAIN));
        }
    }

    @Test
    void everyLanguageHasEnoughCases() {
        Map<String, Map<Boolean, Long>> counts = all().stream().collect(Collectors.groupingBy(Case::language,
                Collectors.partitioningBy(Case::attack, Collectors.counting())));
        for (String language : LANGUAGES) {
            int attacks = MAJOR.contains(language) ? 10 : 4;
            int benign = MAJOR.contains(language) ? 6 : 4;
            assertThat(counts.get(language).get(true)).as(language + " attacks").isGreaterThanOrEqualTo(attacks);
            assertThat(counts.get(language).get(false)).as(language + " benign").isGreaterThanOrEqualTo(benign);
        }
    }

    /**
     * Ordinary prose opens no trigger gate, so it costs one automaton scan and no regular expression (the
     * classifier benchmark's 1 KB prompt is the first sentence): a trigger as common as "I am", "follow" or
     * "mode" would run a family's patterns on most prompts.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "I am planning a weekend trip with my family and would like suggestions for museums, parks and restaurants that are friendly to children and reachable by public transport.",
            "Could you follow up on the invoice? Remove the old address, lift the limit on the card, and let me know which mode of transport is cheapest.",
            "I'm not sure the entire population of the region is aware of the relevant rules; please email the college before the Atlantic storm season.",
            "We walked along the river for an hour and talked about the garden, the weather and the new neighbours, then we went home to cook dinner."})
    void ordinaryProseOpensNoTriggerGate(String text) {
        TriggerIndex triggers = new TriggerIndex(AttackPattern.triggers("attacks/triggers.tsv"));
        assertThat(triggers.families(PromptAttackClassifier.foldedChars(normalized(text)))).as(text).isEmpty();
    }

    /**
     * Every pattern of patterns.tsv matches at least one attack case, and on each such case the triggers of
     * its line (family/language, or the family's) fire: a pattern whose words no trigger covers never runs.
     */
    @Test
    void everyPatternMeetsAnAttackCaseThroughItsTriggers() {
        Map<String, List<String>> lines = AttackPattern.triggers("attacks/triggers.tsv");
        TriggerIndex triggers = new TriggerIndex(lines);
        List<String> attacks = all().stream().filter(Case::attack).map(c -> normalized(c.text())).toList();
        List<String> unmet = new ArrayList<>();
        List<String> unreached = new ArrayList<>();
        for (AttackPattern pattern : AttackPattern.load("attacks/patterns.tsv")) {
            List<String> met = attacks.stream().filter(t -> pattern.pattern().matcher(t).find()).toList();
            if (met.isEmpty()) {
                unmet.add(pattern.family() + "/" + pattern.language() + ": " + pattern.pattern());
            }
            for (String text : met) {
                if (!triggers.families(PromptAttackClassifier.foldedChars(text)).contains(PromptAttackClassifier.triggerKey(pattern, lines))) {
                    unreached.add(pattern.family() + "/" + pattern.language() + " on: " + text);
                }
            }
        }
        assertThat(unreached).as("attack cases a pattern matches but its family's triggers miss").isEmpty();
        assertThat(unmet).as("patterns no attack case exercises").isEmpty();
    }
}
