package dev.veto.plugins.semantic;

import dev.veto.spi.classifier.ClassificationInput;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a request in another language word by word into English, for an encoder that reads English well
 * and other languages poorly: "Wie kann ich meinen Nachbarn vergiften" becomes "how can i my neighbor
 * poison" — broken English, but the meaning the encoder was trained to see. A sentence is read as the
 * fewest listed forms, unlisted words through their affixes or compound parts; words no glossary knows
 * (names, brands, English loanwords) stay as they are.
 *
 * <p>The language is the glossary that knows most of the text's words — the request's language tag is only
 * a tie-breaker, since people write in one language under a locale of another — and a text is glossed only
 * when that glossary knows at least {@code minCoverage} of its words, so English (or a language without a
 * glossary) is left alone.
 */
final class Glosser {

    /** A tie-breaker for the glossary of the request's own language. */
    private static final double HINT_BONUS = 0.05;

    /** At least this share of common English words makes a text English, whatever else it could be. */
    private static final double ENGLISH_SHARE = 0.5;

    /** Fewer common English words than this share make a Latin text another language, glossary or not. */
    private static final double FEWEST_FUNCTION_WORDS = 1.0 / 7;

    /** At least this share of common English words makes a text English even where a glossary knows it. */
    private static final double FUNCTION_WORDS_WHATEVER_GLOSSARIES_KNOW = 1.0 / 3;

    /** From this many words on a text is a sentence, which in English has function words. */
    private static final int SENTENCE_WORDS = 5;

    private final List<Scripted> glossaries;
    private final Set<String> english;
    private final double minCoverage;
    private final int minWords;

    /**
     * @param glossaries  one per language
     * @param english     common English words: a text of such words is not glossed ("can you help" is
     *                    also unaccented Vietnamese)
     * @param minCoverage the share of a text's words its glossary must know, in (0, 1]
     * @param minWords    shorter texts are not glossed: a gloss of two or three words reads as nothing in
     *                    particular, and the encoder then guesses
     */
    Glosser(List<Glossary> glossaries, Set<String> english, double minCoverage, int minWords) {
        this.glossaries = glossaries.stream().map(Scripted::new).toList();
        this.english = Set.copyOf(english);
        this.minCoverage = minCoverage;
        this.minWords = minWords;
    }

    /**
     * An English gloss of the text, if a glossary knows enough of it.
     *
     * @param text     the text
     * @param language the request's language tag, or {@code und}
     * @return the gloss, or empty
     */
    Optional<Gloss> gloss(String text, String language) {
        return reading(text, language).gloss();
    }

    /**
     * Whether a text reads as English, judged from the text alone — not from the request's language tag,
     * which a client sets and which people write under in other languages: at least half its words are
     * common English words, or a third; otherwise a text mostly in another script is not English, nor one
     * that a glossary knows {@code minCoverage} of, nor a sentence (five words or more) with fewer than a
     * seventh of English's function words ("Kamu bisa bantu aku nggak?" has none); a shorter text is not
     * English only if it carries letters English does not use ("Bạn là ai?"), since a terse English request
     * may have no function word at all ("Pipe bomb instructions").
     *
     * @param text the text
     * @return whether the English encoder reads it in its own language
     */
    boolean readsAsEnglish(String text) {
        return reading(text, ClassificationInput.UNDETERMINED).english();
    }

    /**
     * Both answers about a text at once — whether it reads as English ({@link #readsAsEnglish}) and its gloss
     * ({@link #gloss}) — cutting it and reading it with each glossary once.
     *
     * @param text     the text
     * @param language the request's language tag, or {@code und}; only a tie-breaker between glossaries
     * @return what the glosser makes of it
     */
    Reading reading(String text, String language) {
        List<String> words = GlossWords.of(text);
        int count = countWords(words);
        if (count == 0 || isEnglish(words)) {
            return new Reading(true, Optional.empty());
        }
        Set<Character.UnicodeScript> scripts = scriptsOf(text);
        List<Candidate> candidates = count >= minWords ? candidates(words, scripts) : null;
        return new Reading(readsAsEnglish(text, words, count, candidates),
                candidates == null ? Optional.empty() : best(candidates, language));
    }

    private boolean readsAsEnglish(String text, List<String> words, int count, List<Candidate> candidates) {
        double common = (double) words.stream().filter(english::contains).count() / count;
        if (common >= FUNCTION_WORDS_WHATEVER_GLOSSARIES_KNOW) {
            return true;
        }
        if (latinShare(text) < 0.5) {
            return false;
        }
        if (count < SENTENCE_WORDS) {
            return text.chars().filter(Character::isLetter).allMatch(c -> c < 0x80);
        }
        if (common < FEWEST_FUNCTION_WORDS) {
            return false;
        }
        List<Candidate> read = candidates != null ? candidates
                : candidates(words, EnumSet.of(Character.UnicodeScript.LATIN));
        return read.stream().filter(candidate -> candidate.glossary().script() == Character.UnicodeScript.LATIN)
                .noneMatch(candidate -> candidate.gloss().coverage() >= minCoverage);
    }

    /** The text read by each glossary of one of its scripts. */
    private List<Candidate> candidates(List<String> words, Set<Character.UnicodeScript> scripts) {
        return glossaries.stream().filter(glossary -> scripts.contains(glossary.script()))
                .map(glossary -> new Candidate(glossary, read(glossary.glossary(), words))).toList();
    }

    /** The reading of the glossary that knows most of the text, if it knows enough; the tag breaks ties. */
    private Optional<Gloss> best(List<Candidate> candidates, String language) {
        Gloss best = null;
        double bestRank = 0;
        for (Candidate candidate : candidates) {
            Gloss gloss = candidate.gloss();
            boolean hinted = candidate.glossary().glossary().language().equals(language);
            double rank = gloss.coverage() + (hinted ? HINT_BONUS : 0);
            if (gloss.coverage() >= minCoverage && rank > bestRank) {
                best = gloss;
                bestRank = rank;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double latinShare(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long latin = text.codePoints().filter(Character::isLetter)
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
        return letters == 0 ? 1 : (double) latin / letters;
    }

    /** @return the languages it glosses, each with its number of forms */
    List<String> languages() {
        return glossaries.stream().map(g -> g.glossary().language() + " (" + g.glossary().size() + ")").toList();
    }

    private static Gloss read(Glossary glossary, List<String> words) {
        int[] pieces = segment(glossary, words);
        StringBuilder english = new StringBuilder();
        int known = 0;
        int counted = 0;
        for (int i = 0; i < words.size(); ) {
            String word = words.get(i);
            if (GlossWords.isSentenceEnd(word)) {
                append(english, word);
                i++;
                continue;
            }
            int length = pieces[i];
            String listed = glossary.lookUp(GlossWords.join(words, i, i + length));
            List<String> derived = listed != null || isNumber(word) ? null : glossary.derive(word);
            int wordsIn = wordsIn(words, i, i + length);
            counted += wordsIn;
            if (listed != null) {
                append(english, listed);
                known += wordsIn;
            } else if (derived != null) {
                derived.forEach(piece -> append(english, piece));
                known += wordsIn;
            } else {
                append(english, word);
            }
            i += length;
        }
        return new Gloss(glossary.language(), english.toString(), counted == 0 ? 0 : (double) known / counted);
    }

    /**
     * How many words the piece starting at each word takes: the fewest listed forms (a word no form covers
     * is a piece of its own), and of two ways with as many pieces the one whose later pieces are longer —
     * "bỏ | thuốc lá" (quit cigarettes), not "bỏ thuốc | lá" (spike a drink, leaf). Forms never cross a
     * sentence end.
     */
    private static int[] segment(Glossary glossary, List<String> words) {
        int n = words.size();
        int[] fewest = new int[n + 1];
        int[] length = new int[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            fewest[i] = 1 + fewest[i + 1];
            length[i] = 1;
            if (GlossWords.isSentenceEnd(words.get(i))) {
                continue;
            }
            for (int to = i + 2; to <= Math.min(n, i + Glossary.MAX_FORM_WORDS); to++) {
                if (GlossWords.isSentenceEnd(words.get(to - 1))) {
                    break;
                }
                if (1 + fewest[to] < fewest[i] && glossary.lookUp(GlossWords.join(words, i, to)) != null) {
                    fewest[i] = 1 + fewest[to];
                    length[i] = to - i;
                }
            }
        }
        return length;
    }

    private boolean isEnglish(List<String> words) {
        long common = words.stream().filter(english::contains).count();
        return common >= ENGLISH_SHARE * countWords(words);
    }

    private static int countWords(List<String> words) {
        return wordsIn(words, 0, words.size());
    }

    private static int wordsIn(List<String> words, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            count += isNumber(words.get(i)) || GlossWords.isSentenceEnd(words.get(i)) ? 0 : 1;
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

    /**
     * What the glosser makes of a text.
     *
     * @param english whether it reads as English
     * @param gloss   its English gloss, if a glossary knows enough of it
     */
    record Reading(boolean english, Optional<Gloss> gloss) {
    }

    /** A text as one glossary reads it. */
    private record Candidate(Scripted glossary, Gloss gloss) {
    }

    /** A glossary with the script most of its forms are written in. */
    private record Scripted(Glossary glossary, Character.UnicodeScript script) {
        Scripted(Glossary glossary) {
            this(glossary, glossary.script());
        }
    }
}
