package dev.veto.plugins.keyword;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;

/**
 * Finds every lexicon phrase in a text in one pass per automaton (Aho-Corasick), however many phrases there
 * are. Phrases of space-separated scripts match whole words only ("meth" does not match "method"); phrases
 * with CJK or Thai characters, written without spaces, match anywhere. Immutable and thread-safe.
 */
final class KeywordMatcher {

    /** A phrase found in the text: {@code [start, end)} in UTF-16 indices. */
    record Match(LexiconEntry entry, int start, int end) {

        /** Characters between two matches; 0 when they touch or overlap. */
        int distanceTo(Match other) {
            return Math.max(0, Math.max(start, other.start) - Math.min(end, other.end));
        }
    }

    private final PayloadTrie<List<LexiconEntry>> words;
    private final PayloadTrie<List<LexiconEntry>> substrings;

    KeywordMatcher(Collection<LexiconEntry> entries) {
        Map<String, List<LexiconEntry>> wordPhrases = new LinkedHashMap<>();
        Map<String, List<LexiconEntry>> substringPhrases = new LinkedHashMap<>();
        for (LexiconEntry entry : entries) {
            Map<String, List<LexiconEntry>> target = isUnspaced(entry.phrase()) ? substringPhrases : wordPhrases;
            target.computeIfAbsent(entry.phrase(), p -> new ArrayList<>()).add(entry);
        }
        this.words = build(wordPhrases, true);
        this.substrings = build(substringPhrases, false);
    }

    private static PayloadTrie<List<LexiconEntry>> build(Map<String, List<LexiconEntry>> phrases, boolean wholeWords) {
        PayloadTrie.PayloadTrieBuilder<List<LexiconEntry>> builder = PayloadTrie.<List<LexiconEntry>>builder().ignoreCase();
        if (wholeWords) {
            builder.onlyWholeWords();
        }
        phrases.forEach((phrase, entries) -> builder.addKeyword(phrase, List.copyOf(entries)));
        return builder.build();
    }

    List<Match> find(String text) {
        List<Match> matches = new ArrayList<>();
        collect(words, text, matches);
        collect(substrings, text, matches);
        return matches;
    }

    private static void collect(PayloadTrie<List<LexiconEntry>> trie, String text, List<Match> matches) {
        for (PayloadEmit<List<LexiconEntry>> emit : trie.parseText(text)) {
            for (LexiconEntry entry : emit.getPayload()) {
                matches.add(new Match(entry, emit.getStart(), emit.getEnd() + 1));
            }
        }
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
