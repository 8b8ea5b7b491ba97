package dev.veto.plugins.keyword;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * Finds every lexicon phrase in a text in one pass (Aho-Corasick over a double-array trie), however many
 * phrases there are. Phrases of space-separated scripts match whole words only ("meth" does not match
 * "method"); phrases with CJK or Thai characters, written without spaces, match anywhere. Case is ignored:
 * text and phrases are lower-cased char by char, which keeps every index where it was. Immutable and
 * thread-safe.
 */
final class KeywordMatcher {

    /** A phrase found in the text: {@code [start, end)} in UTF-16 indices. */
    record Match(LexiconEntry entry, int start, int end) {

        /** Characters between two matches; 0 when they touch or overlap. */
        int distanceTo(Match other) {
            return Math.max(0, Math.max(start, other.start) - Math.min(end, other.end));
        }

        /** Whether this match lies inside a longer one ("偷" inside "偷偷", secretly). */
        boolean isPartOf(Match other) {
            return other.start <= start && end <= other.end && other.end - other.start > end - start;
        }
    }

    /** The entries of one phrase, and whether it must stand as whole words. */
    private record Phrase(List<LexiconEntry> entries, boolean wholeWords) {
    }

    private final AhoCorasickDoubleArrayTrie<Phrase> trie = new AhoCorasickDoubleArrayTrie<>();

    KeywordMatcher(Collection<LexiconEntry> entries) {
        TreeMap<String, List<LexiconEntry>> byPhrase = new TreeMap<>();
        for (LexiconEntry entry : entries) {
            byPhrase.computeIfAbsent(lowerCase(entry.phrase()), p -> new ArrayList<>()).add(entry);
        }
        TreeMap<String, Phrase> phrases = new TreeMap<>();
        byPhrase.forEach((phrase, list) -> phrases.put(phrase, new Phrase(List.copyOf(list), !isUnspaced(phrase))));
        if (!phrases.isEmpty()) {
            trie.build(phrases);
        }
    }

    List<Match> find(String text) {
        List<Match> matches = new ArrayList<>();
        if (trie.size() == 0) {
            return matches;
        }
        char[] lower = lowerCaseChars(text);
        trie.parseText(lower, (begin, end, phrase) -> {
            if (phrase.wholeWords() && !(boundary(lower, begin - 1) && boundary(lower, end))) {
                return;
            }
            for (LexiconEntry entry : phrase.entries()) {
                matches.add(new Match(entry, begin, end));
            }
        });
        return matches;
    }

    /** Whether the char at {@code i} ends a word: outside the text, or not a letter. */
    private static boolean boundary(char[] text, int i) {
        return i < 0 || i >= text.length || !Character.isAlphabetic(text[i]);
    }

    private static String lowerCase(String text) {
        return new String(lowerCaseChars(text));
    }

    /**
     * Lower case char by char: one char for one char, so indices into the original stay valid. (Typographic
     * apostrophes arrive as {@code '}: the host's normalizer folds them.)
     */
    private static char[] lowerCaseChars(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    chars[i] = (char) (c + ('a' - 'A'));
                }
            } else if (!Character.isSurrogate(c)) {
                chars[i] = Character.toLowerCase(c);
            }
        }
        return chars;
    }

    /** Whether a phrase is written in a script without spaces between words. */
    static boolean isUnspaced(String phrase) {
        return phrase.codePoints().anyMatch(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            // Korean is spaced, but particles attach to the word ("폭탄을", "폭탄은"): match inside words too
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HANGUL
                    || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI
                    || script == Character.UnicodeScript.LAO || script == Character.UnicodeScript.KHMER
                    || script == Character.UnicodeScript.MYANMAR;
        });
    }
}
