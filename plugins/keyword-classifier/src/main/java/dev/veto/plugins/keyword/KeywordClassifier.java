package dev.veto.plugins.keyword;

import dev.veto.plugins.keyword.KeywordMatcher.Match;
import dev.veto.spi.classifier.ClassificationInput;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.signal.Signal;
import dev.veto.spi.signal.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Scores each category by its strongest harm phrase (not counting one that lies inside a longer operational cue, as a
 * CJK harm character can, or inside a benign reading of its category — "bomb" in "fork bomb"): the phrase's weight,
 * plus the intent boost when an operational cue is near it and asks about it (not a question of its own in the next
 * sentence: {@link SentenceBoundaries}), minus the strongest benign cue near it and not across a move to a next act
 * ({@link Sequencing}; of a guarded category, its own cues only: {@link Scoring#guarded()}). An action phrase ("keep
 * them out") is a harm phrase only where a target of its category ("a Black family") is near it. Every lexicon is
 * matched in every text; only intent cues — everyday function words such as Italian "come" (how), which is also
 * English — count just in texts of their lexicon's language, when that language is known. Immutable and thread-safe.
 */
final class KeywordClassifier implements Classifier {

    /**
     * How the classifier weighs what it finds.
     *
     * @param guarded   categories that only benign cues of their own lower: a cue for every category ("how do
     *                  i report", "in the game") is written for other harms and would soften a grooming request
     *                  that carries it
     * @param unboosted categories whose phrases are claims, not harms: no operational cue lifts them ("how do
     *                  i" near "the earth is flat" asks for nothing dangerous), so they keep their weight
     */
    record Scoring(double intentBoost, int proximity, double intentConfidence, double mentionConfidence,
                   Set<String> guarded, Set<String> unboosted) {

        Scoring {
            guarded = Set.copyOf(guarded);
            unboosted = Set.copyOf(unboosted);
        }
    }

    private final KeywordMatcher matcher;
    private final Scoring scoring;
    private final Set<String> categories;

    KeywordClassifier(KeywordMatcher matcher, Scoring scoring, Set<String> categories) {
        this.matcher = matcher;
        this.scoring = scoring;
        this.categories = Set.copyOf(categories);
    }

    @Override
    public Set<String> categories() {
        return categories;
    }

    @Override
    public List<Signal> classify(ClassificationInput input) {
        List<Match> matches = matcher.find(input.text());
        if (matches.isEmpty()) {
            return List.of();
        }
        List<Match> intents = new ArrayList<>();
        List<Match> benign = new ArrayList<>();
        List<Match> actions = new ArrayList<>();
        List<Match> targets = new ArrayList<>();
        Map<String, List<Match>> harmByCategory = new LinkedHashMap<>();
        for (Match match : matches) {
            switch (match.entry().kind()) {
                case INTENT -> intents.add(match);
                case BENIGN -> benign.add(match);
                case HARM -> {
                    if (!isWordOfACue(match, matches)) {
                        harmByCategory.computeIfAbsent(match.entry().category(), c -> new ArrayList<>()).add(match);
                    }
                }
                case ACTION -> {
                    if (!isWordOfACue(match, matches)) {
                        actions.add(match);
                    }
                }
                case TARGET -> targets.add(match);
            }
        }
        Map<Match, Match> aimedAt = new HashMap<>();
        for (Match action : actions) {
            // targets are names of groups, not function words: they count in any language; the act's own words
            // (the identical span) read as a target are not whom it is aimed at ("to my server" is both: "upload my
            // site to my server")
            Match target = nearest(action, targets, action.entry().category(), ClassificationInput.UNDETERMINED,
                    cue -> cue.start() != action.start() || cue.end() != action.end());
            if (target != null) { // an act against no one in particular is not the harm
                aimedAt.put(action, target);
                harmByCategory.computeIfAbsent(action.entry().category(), c -> new ArrayList<>()).add(action);
            }
        }
        List<Signal> signals = new ArrayList<>(harmByCategory.size());
        String language = primarySubtag(input.language());
        String text = input.text();
        harmByCategory.forEach((category, harms) ->
                signals.add(signal(text, category, harms, intents, benign, aimedAt, language)));
        return signals;
    }

    private Signal signal(String text, String category, List<Match> harms, List<Match> intents, List<Match> benign,
                          Map<Match, Match> aimedAt, String language) {
        Match best = null;
        Match bestIntent = null;
        Match bestBenign = null;
        double bestScore = -1;
        boolean boosted = !scoring.unboosted().contains(category);
        for (Match harm : harms) {
            Match intent = boosted
                    ? nearest(harm, intents, category, language, cue -> !SentenceBoundaries.separate(text, harm, cue))
                    : null;
            Match dampener = strongest(text, harm, benign, category);
            double score = harm.entry().weight() + (intent != null ? scoring.intentBoost() : 0)
                    - (dampener != null ? dampener.entry().weight() : 0);
            if (score > bestScore) {
                bestScore = score;
                best = harm;
                bestIntent = intent;
                bestBenign = dampener;
            }
        }
        Set<String> evidence = new TreeSet<>();
        evidence.add("phrase '" + best.entry().phrase() + "' (" + best.entry().source() + ")");
        if (bestIntent != null) {
            evidence.add("operational cue '" + bestIntent.entry().phrase() + "'");
        }
        if (bestBenign != null) {
            evidence.add("benign reading '" + bestBenign.entry().phrase() + "'");
        }
        Match target = aimedAt.get(best);
        if (target != null) {
            evidence.add("aimed at '" + target.entry().phrase() + "'");
        }
        List<Span> spans = harms.stream().map(m -> new Span(m.start(), m.end())).distinct().toList();
        double confidence = bestIntent != null ? scoring.intentConfidence() : scoring.mentionConfidence();
        return new Signal(category, clamp(bestScore), confidence, spans, List.copyOf(evidence), "");
    }

    /**
     * Whether a harm or action phrase is the word of another cue rather than the harm: it lies inside a longer
     * operational cue (a CJK harm character can; a harm of a spaced script — Korean too — stays one: "get back
     * at" in "to get back at"), or inside a longer benign reading of its own category, which names the word's
     * other sense or someone else's act — "bomb" in "fork bomb", "kill my" in "kill my process", "fotos
     * íntimas" in "un adulto le pidió fotos íntimas" (reported, not asked for). Such a reading
     * removes that phrase only; as a cue near other phrases it weighs what it weighs (a reading of weight 0,
     * nothing), and a harm phrase beside it ("how do I make a nail bomb? and what is a fork bomb") keeps its
     * score. An act stays the act inside an operational cue ("para que se desmaye") and inside a weighted
     * reading ("j'ai trouvé une caméra cachée" lowers it, it does not unsay it): only a reading of weight 0,
     * written to say that it is not the act, takes one.
     */
    private static boolean isWordOfACue(Match phrase, List<Match> matches) {
        boolean act = phrase.entry().kind() == LexiconEntry.Kind.ACTION;
        for (Match other : matches) {
            LexiconEntry cue = other.entry();
            boolean takesIt = cue.kind() == LexiconEntry.Kind.INTENT
                    ? !act && writtenWithoutSpaces(phrase.entry().phrase())
                    : cue.kind() == LexiconEntry.Kind.BENIGN && cue.appliesTo(phrase.entry().category())
                            && (!act || cue.weight() == 0);
            if (phrase.isPartOf(other) && takesIt) { // the cheap span test first: most cues lie elsewhere
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a phrase is of a script written without spaces (Han, kana, Thai…), where a harm may be a piece of
     * a cue's word. Not Hangul: Korean sets words apart, and "복수하" inside the cue "복수하고" is the harm.
     */
    private static boolean writtenWithoutSpaces(String phrase) {
        return KeywordMatcher.isUnspaced(phrase) && phrase.codePoints()
                .noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL);
    }

    /** {@code it} for {@code it-IT} or {@code it_IT}, without a regular expression on the hot path. */
    private static String primarySubtag(String language) {
        int cut = language.indexOf('-');
        if (cut < 0) {
            cut = language.indexOf('_');
        }
        return (cut < 0 ? language : language.substring(0, cut)).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Whether a cue counts in a text of this language. An unaccented spelling is its own evidence: language
     * identification takes "lam sao de giet nguoi" for anything but Vietnamese.
     */
    private static boolean reads(Match cue, String language) {
        return cue.unaccented() || cue.entry().reads(language);
    }

    /**
     * The nearest cue for the category, of a lexicon that reads the text's language, that {@code asksAbout}
     * the harm phrase (checked last: it reads the text around the cue).
     */
    private Match nearest(Match harm, List<Match> cues, String category, String language, Predicate<Match> asksAbout) {
        Match nearest = null;
        for (Match cue : cues) {
            if (cue.entry().appliesTo(category) && reads(cue, language) && harm.distanceTo(cue) <= scoring.proximity()
                    && (nearest == null || harm.distanceTo(cue) < harm.distanceTo(nearest)) && asksAbout.test(cue)) {
                nearest = cue;
            }
        }
        return nearest;
    }

    /**
     * The strongest benign cue near a harm phrase, not across a move to a next act unless the phrase refers back
     * to what came before ({@link Sequencing}).
     */
    private Match strongest(String text, Match harm, List<Match> cues, String category) {
        boolean ownCuesOnly = scoring.guarded().contains(category);
        Match strongest = null;
        for (Match cue : cues) {
            if (cue.entry().appliesTo(category) && !(ownCuesOnly && cue.entry().category().equals(LexiconEntry.ANY))
                    && harm.distanceTo(cue) <= scoring.proximity()
                    && (strongest == null || cue.entry().weight() > strongest.entry().weight())
                    && (!Sequencing.between(text, harm, cue) || Sequencing.refersBack(harm))) {
                strongest = cue;
            }
        }
        return strongest;
    }

    /**
     * Within [0, 1] and rounded to a millionth, so that weights add up as written: 0.45 + 0.35 is 0.8 and
     * meets a 0.8 threshold (in binary floating point it is 0.7999999999999999).
     */
    private static double clamp(double score) {
        return Math.max(0, Math.min(1, Math.round(score * 1e6) / 1e6));
    }
}
