package dev.veto.plugins.keyword;

import dev.veto.plugins.keyword.KeywordMatcher.Match;

/**
 * Whether an operational cue asks about a harm phrase in another sentence. "How do I…" asks about what its
 * own sentence names: in "A heist crew steals a painting. How do I structure act two?" the question is about
 * the plot. A bare follow-up question ("I want to hurt him. How?", "…Nifanyeje?") names nothing else, so
 * it still asks about the sentence before it.
 */
final class SentenceBoundaries {

    /**
     * Words besides the cue that make its sentence a question of its own: "How do I bring it up without a
     * fight?" has more; "How do I do it?", "Give me ideas for flyers." have no more than this.
     */
    static final int FOLLOW_UP_WORDS = 3;

    private SentenceBoundaries() {
    }

    /**
     * Whether the cue belongs to another sentence than the harm phrase and asks a question of its own there.
     *
     * @param text the text both were found in
     * @param harm the harm phrase
     * @param cue  the operational cue
     * @return {@code true} when the cue does not apply to the harm phrase
     */
    static boolean separate(String text, Match harm, Match cue) {
        int from = Math.min(harm.end(), cue.end());
        int to = Math.max(harm.start(), cue.start());
        boolean boundary = false;
        for (int i = from; i < to && !boundary; i++) {
            boundary = endsSentence(text, i);
        }
        return boundary && 2 * FOLLOW_UP_WORDS < halfWordsAround(text, cue);
    }

    /**
     * Words in the cue's sentence outside the cue, doubled: a run of letters counts two, an ideograph one
     * (Chinese and Japanese write no spaces; two characters make a word on average).
     */
    private static int halfWordsAround(String text, Match cue) {
        int start = cue.start();
        while (start > 0 && !endsSentence(text, start - 1)) {
            start--;
        }
        int end = cue.end();
        while (end < text.length() && !endsSentence(text, end)) {
            end++;
        }
        return halfWords(text, start, cue.start()) + halfWords(text, cue.end(), end);
    }

    private static int halfWords(String text, int from, int to) {
        int halves = 0;
        boolean inWord = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isIdeographic(c)) {
                halves++;
                inWord = false;
            } else if (Character.isLetter(c)) {
                halves += inWord ? 0 : 2;
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return halves;
    }

    /**
     * A line break, a full stop, question or exclamation mark followed by white space (not the dot of
     * "node.js" or "3.5"), or a terminator of a script that writes no space after it (。！？ CJK, ؟ Arabic,
     * । Bengali and Devanagari).
     */
    private static boolean endsSentence(String text, int i) {
        return switch (text.charAt(i)) {
            case '\n', '\r', '。', '！', '？', '؟', '।' -> true;
            case '.', '!', '?' -> i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1));
            default -> false;
        };
    }
}
