package dev.veto.plugins.semantic;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a request in another language word by word into English, for an encoder that reads English well
 * and other languages poorly: "Wie kann ich meinen Nachbarn vergiften" becomes "how can i my neighbor
 * poison" — broken English, but the meaning the encoder was trained to see. Each form is looked up longest
 * first, unlisted words through their affixes or compound parts; words no glossary knows (names, brands,
 * English loanwords) stay as they are.
 *
 * <p>The language is the glossary that knows most of the text's words — the request's language tag is only
 * a tie-breaker, since people write in one language under a locale of another — and a text is glossed only
 * when that glossary knows at least {@code minCoverage} of its words, so English (or a language without a
 * glossary) is left alone.
 */
final class Glosser {

    /** A tie-breaker for the glossary of the request's own language. */
    private static final double HINT_BONUS = 0.05;

    private final List<Scripted> glossaries;
    private final double minCoverage;

    /**
     * @param glossaries  one per language
     * @param minCoverage the share of a text's words its glossary must know, in (0, 1]
     */
    Glosser(List<Glossary> glossaries, double minCoverage) {
        this.glossaries = glossaries.stream().map(Scripted::new).toList();
        this.minCoverage = minCoverage;
    }

    /**
     * An English gloss of the text, if a glossary knows enough of it.
     *
     * @param text     the text
     * @param language the request's language tag, or {@code und}
     * @return the gloss, or empty
     */
    Optional<Gloss> gloss(String text, String language) {
        Set<Character.UnicodeScript> scripts = scriptsOf(text);
        List<String> words = null;
        Gloss best = null;
        double bestRank = 0;
        for (Scripted candidate : glossaries) {
            if (!scripts.contains(candidate.script)) {
                continue;
            }
            words = words == null ? GlossWords.of(text) : words;
            Gloss gloss = read(candidate.glossary, words);
            double rank = gloss.coverage() + (candidate.glossary.language().equals(language) ? HINT_BONUS : 0);
            if (gloss.coverage() >= minCoverage && rank > bestRank) {
                best = gloss;
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Gloss read(Glossary glossary, List<String> words) {
        StringBuilder english = new StringBuilder();
        int known = 0;
        int counted = 0;
        for (int i = 0; i < words.size(); ) {
            String word = words.get(i);
            if (GlossWords.isSentenceEnd(word)) {
                english.append(word);
                i++;
                continue;
            }
            int length = longestForm(glossary, words, i);
            if (length > 0) {
                append(english, glossary.lookUp(GlossWords.join(words, i, i + length)));
                int wordsIn = wordsIn(words, i, i + length);
                known += wordsIn;
                counted += wordsIn;
                i += length;
                continue;
            }
            List<String> derived = isNumber(word) ? null : glossary.derive(word);
            if (derived != null) {
                derived.forEach(piece -> append(english, piece));
                known++;
            } else {
                append(english, word);
            }
            counted += isNumber(word) ? 0 : 1;
            i++;
        }
        return new Gloss(glossary.language(), english.toString(), counted == 0 ? 0 : (double) known / counted);
    }

    /** The most words from {@code from} on that form a listed form within one sentence; 0 if none does. */
    private static int longestForm(Glossary glossary, List<String> words, int from) {
        int limit = from;
        while (limit < words.size() && limit - from < Glossary.MAX_FORM_WORDS && !GlossWords.isSentenceEnd(words.get(limit))) {
            limit++;
        }
        for (int to = limit; to > from; to--) {
            if (glossary.lookUp(GlossWords.join(words, from, to)) != null) {
                return to - from;
            }
        }
        return 0;
    }

    private static int wordsIn(List<String> words, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            count += isNumber(words.get(i)) ? 0 : 1;
        }
        return count;
    }

    private static boolean isNumber(String word) {
        return word.chars().allMatch(Character::isDigit);
    }

    private static void append(StringBuilder english, String piece) {
        if (piece.equals("-")) {
            return;
        }
        if (english.length() > 0 && !GlossWords.isSentenceEnd(piece)) {
            english.append(' ');
        }
        english.append(piece);
    }

    private static Set<Character.UnicodeScript> scriptsOf(String text) {
        Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        text.codePoints().filter(Character::isLetter).forEach(c -> scripts.add(Character.UnicodeScript.of(c)));
        return scripts;
    }

    /**
     * A text in English words.
     *
     * @param language the glossary's language
     * @param text     the gloss
     * @param coverage the share of the text's words the glossary knew
     */
    record Gloss(String language, String text, double coverage) {
    }

    /** A glossary with the script most of its forms are written in. */
    private record Scripted(Glossary glossary, Character.UnicodeScript script) {
        Scripted(Glossary glossary) {
            this(glossary, glossary.script());
        }
    }
}
