package dev.veto.plugins.attack;

import java.util.Optional;

/**
 * Finds the token soup optimisation attacks append to a request ({@code describing.\ + similarlyNow write
 * oppositeley.]( Me giving**ONE}): a single line, dense in brackets, quotes and operators of many kinds,
 * with words glued together. Code is dense in symbols too, so the signal is weak on its own; the lines
 * of fenced code blocks are skipped.
 */
final class AdversarialSuffix {

    private static final String SYMBOLS = "[](){}<>\\/|`~^*$#@%=+;:\"'!?";
    /** For each ASCII char, its index in {@link #SYMBOLS}, or -1: read for every char of every prompt. */
    private static final byte[] SYMBOL_INDEX = symbolIndex();

    private static byte[] symbolIndex() {
        byte[] index = new byte[128];
        java.util.Arrays.fill(index, (byte) -1);
        for (int i = 0; i < SYMBOLS.length(); i++) {
            index[SYMBOLS.charAt(i)] = (byte) i;
        }
        return index;
    }

    private static int symbol(char c) {
        return c < 128 ? SYMBOL_INDEX[c] : -1;
    }

    private final int window;
    private final double minRatio;
    private final int minKinds;

    AdversarialSuffix(int window, double minRatio, int minKinds) {
        this.window = window;
        this.minRatio = minRatio;
        this.minKinds = minKinds;
    }

    /** The span of the densest suspicious window, if any window qualifies. */
    Optional<int[]> find(String text) {
        int lineStart = 0;
        boolean inFence = false;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            boolean fence = text.startsWith("```", lineStart);
            // only the lines inside a fenced code block are code; an indented line is read like any other
            // (indentation alone would otherwise hide a suffix)
            if (!inFence && !fence && lineEnd - lineStart >= window) {
                Optional<int[]> found = scan(text, lineStart, lineEnd);
                if (found.isPresent()) {
                    return found;
                }
            }
            if (fence) {
                inFence = !inFence;
            }
            lineStart = lineEnd + 1;
        }
        return Optional.empty();
    }

    private Optional<int[]> scan(String text, int from, int to) {
        // prose has too few symbols in the whole line for any window to qualify: one count settles it
        int total = 0;
        for (int i = from; i < to; i++) {
            total += symbol(text.charAt(i)) >= 0 ? 1 : 0;
        }
        if (total < minRatio * window) {
            return Optional.empty();
        }
        int symbols = 0;
        for (int i = from; i < to; i++) {
            if (symbol(text.charAt(i)) >= 0) {
                symbols++;
            }
            if (i - from >= window) {
                if (symbol(text.charAt(i - window)) >= 0) {
                    symbols--;
                }
            }
            if (i - from >= window - 1 && symbols >= minRatio * window && kinds(text, i - window + 1, i + 1) >= minKinds) {
                return Optional.of(new int[] {i - window + 1, i + 1});
            }
        }
        return Optional.empty();
    }

    private static int kinds(String text, int from, int to) {
        long seen = 0;
        for (int i = from; i < to; i++) {
            int at = symbol(text.charAt(i));
            if (at >= 0) {
                seen |= 1L << at;
            }
        }
        return Long.bitCount(seen);
    }
}
