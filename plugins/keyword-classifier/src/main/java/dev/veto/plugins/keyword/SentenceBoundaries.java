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
        return boundary && asksItsOwnQuestion(text, cue);
    }

    /**
     * Whether the cue's sentence has more than {@link #FOLLOW_UP_WORDS} words besides the cue: a run of letters
     * counts one, an ideograph half (Chinese and Japanese write no spaces; two characters make a word on
     * average). Reads outwards from the cue and stops once the count is exceeded, so a long sentence costs no
     * more than a short one.
     */
    private static boolean asksItsOwnQuestion(String text, Match cue) {
        int budget = 2 * FOLLOW_UP_WORDS; // in half words
        return spend(text, cue.end(), 1, spend(text, cue.start() - 1, -1, budget)) < 0;
    }

    /** The budget left after reading from {@code from} in direction {@code step} to the sentence's end, or below 0. */
    private static int spend(String text, int from, int step, int budget) {
        boolean inWord = false;
        for (int i = from; i >= 0 && i < text.length() && !endsSentence(text, i) && budget >= 0; i += step) {
            char c = text.charAt(i);
            budget -= halves(c, inWord);
            inWord = Character.isLetter(c) && !Character.isIdeographic(c);
        }
        return budget;
    }

    /** Half words a char adds: 1 for an ideograph, 2 for the first letter of a word, 0 otherwise. */
    private static int halves(char c, boolean inWord) {
        if (Character.isIdeographic(c)) {
            return 1;
        }
        return Character.isLetter(c) && !inWord ? 2 : 0;
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
