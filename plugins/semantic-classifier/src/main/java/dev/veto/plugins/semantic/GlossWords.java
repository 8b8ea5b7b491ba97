package dev.veto.plugins.semantic;

import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a text into the words a {@link Glossary} looks up: lower-cased, in composed form, as runs of letters,
 * digits and marks; an elided article keeps its apostrophe ({@code l'}, {@code dell'}); every Han character
 * is a word of its own (Chinese writes no spaces — the glossary's longest match puts the characters back
 * together into words); a run of Thai, also written without spaces, is cut into words by the JDK's dictionary
 * word breaker (Thai letters alone are syllable pieces, too many for a form of six words), and a glossary
 * form joins its words again, so a form is found however the breaker cut it, as long as its ends fall on the
 * breaker's word ends; sentence ends are kept as words of their own so the gloss keeps its sentences.
 * Arabic vowel marks and tatweel are dropped, as the glossaries write words without them.
 */
final class GlossWords {

    private GlossWords() {
    }

    /**
     * The words of a text.
     *
     * @param text any text
     * @return its words and sentence ends, in order
     */
    static List<String> of(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (isArabicVowelMark(c)) {
                continue;
            }
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                flush(word, words);
                words.add(Character.toString(c));
            } else if (isThai(c)) {
                flush(word, words);
                int end = i;
                while (end < folded.length() && isThai(folded.codePointAt(end))) {
                    end += Character.charCount(folded.codePointAt(end));
                }
                addThaiWords(folded.substring(i - Character.charCount(c), end), words);
                i = end;
            } else if (Character.isLetterOrDigit(c) || isMark(c)) {
                word.appendCodePoint(c);
            } else if ((c == '\'' || c == '\u2019') && word.length() > 0) {
                word.append('\'');
                flush(word, words);
            } else {
                flush(word, words);
                String end = sentenceEnd(c);
                if (end != null) {
                    words.add(end);
                }
            }
        }
        flush(word, words);
        return words;
    }

    /**
     * Whether a lower-case text is one word exactly as {@link #of} would cut it — letters, digits and marks of a
     * script written with spaces, composed — answered without cutting it (most of a glossary's forms are).
     *
     * @param text a lower-case text
     * @return true if it is such a word; false if it has to be cut to tell
     */
    static boolean isPlainWord(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 'a' || c > 'z') {
                // marks belong to their word (Bengali vowel signs), but Arabic vowel marks are dropped; Han and
                // Thai are cut into several words
                if (c < 0x80 && !(c >= '0' && c <= '9') || Character.isSurrogate(c)
                        || !(Character.isLetterOrDigit(c) || isMark(c)) || isArabicVowelMark(c)
                        || Character.isUpperCase(c) || Character.isTitleCase(c)
                        || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                        || Character.UnicodeScript.of(c) == Character.UnicodeScript.THAI) {
                    return false;
                }
            }
        }
        return !text.isEmpty() && Normalizer.isNormalized(text, Normalizer.Form.NFC);
    }

    /**
     * Whether a word is a sentence end rather than a word to look up.
     *
     * @param word a word of {@link #of}
     * @return true for {@code .}, {@code ?} and {@code !}
     */
    static boolean isSentenceEnd(String word) {
        return word.equals(".") || word.equals("?") || word.equals("!");
    }

    /**
     * Whether a word is written without spaces around it — a Han character, a Thai word — and so joined to a
     * neighbour of its kind without a space in a glossary form.
     *
     * @param word a word of {@link #of}
     * @return true for a single Han character or a Thai word
     */
    static boolean isUnspaced(String word) {
        int first = word.codePointAt(0);
        return Character.UnicodeScript.of(first) == Character.UnicodeScript.HAN
                ? word.codePointCount(0, word.length()) == 1 : isThai(first);
    }

    /**
     * Whether a lower-case text is a run of Thai letters and marks alone — cut into words by the breaker, which
     * joins them again without spaces, so it is a glossary form as written.
     *
     * @param text a lower-case text
     * @return true for a run of Thai
     */
    static boolean isThaiRun(String text) {
        return !text.isEmpty() && text.codePoints().allMatch(GlossWords::isThai)
                && text.indexOf('\u0E4D') < 0; // sara am as two marks is written back as one (withSaraAm)
    }

    /** Thai letters and marks; its digits and the Latin inside a Thai sentence are words as elsewhere. */
    private static boolean isThai(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.THAI && (Character.isLetter(c) || isMark(c));
    }

    /** A Thai run's words, as the JDK's Thai dictionary breaker cuts them. */
    private static void addThaiWords(String run, List<String> words) {
        String text = withSaraAm(run);
        BreakIterator breaker = (BreakIterator) THAI_WORDS.clone(); // a breaker holds its text: one per run
        breaker.setText(text);
        for (int start = breaker.first(), end = breaker.next(); end != BreakIterator.DONE; start = end,
                end = breaker.next()) {
            words.add(text.substring(start, end));
        }
    }

    /** Never given a text; cloned per run (loading the dictionary breaker anew each time re-reads it). */
    private static final BreakIterator THAI_WORDS = BreakIterator.getWordInstance(Locale.forLanguageTag("th"));

    /**
     * Thai with its vowel sara am (ำ) written as one letter again. NFKC — which the host applies to every text —
     * writes it as nikhahit and sara aa (ํา); the dictionary breaker does not know words spelt so (ทำ, น้ำ, ตำรวจ)
     * and returned the rest of the run as one piece, and the glossary writes them with the one letter.
     *
     * @param text any text
     * @return the text with ํา as ำ
     */
    static String withSaraAm(String text) {
        return text.indexOf('\u0E4D') < 0 ? text : text.replace("\u0E4D\u0E32", "\u0E33");
    }

    /**
     * Words joined as a glossary form writes them: Han characters and Thai words without spaces, other words
     * with one.
     *
     * @param words the words
     * @param from  the first
     * @param to    after the last
     * @return the form
     */
    static String join(List<String> words, int from, int to) {
        StringBuilder form = new StringBuilder(words.get(from));
        for (int i = from + 1; i < to; i++) {
            if (!(isUnspaced(words.get(i - 1)) && isUnspaced(words.get(i)))) {
                form.append(' ');
            }
            form.append(words.get(i));
        }
        return form.toString();
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** Tashkeel, the superscript alef and the tatweel (a stretched letter joint). */
    private static boolean isArabicVowelMark(int c) {
        return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640;
    }

    private static String sentenceEnd(int c) {
        return switch (c) {
            case '.', '\u3002', '\u0964' -> ".";
            case '?', '\uFF1F', '\u061F' -> "?";
            case '!', '\uFF01' -> "!";
            default -> null;
        };
    }
}
