package dev.veto.plugins.attack;

import java.util.Optional;

/**
 * Finds the token soup optimisation attacks append to a request ({@code describing.\ + similarlyNow write
 * oppositeley.]( Me giving**ONE}): a single line, dense in brackets, quotes and operators of many kinds,
 * with words glued together. Code is dense in symbols too, so the signal is weak on its own; indented
 * lines and fenced code blocks are skipped.
 */
final class AdversarialSuffix {

    private static final String SYMBOLS = "[](){}<>\\/|`~^*$#@%=+;:\"'!?";

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
        if (text.contains("```")) {
            return Optional.empty();
        }
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            if (lineEnd - lineStart >= window && !Character.isWhitespace(text.charAt(lineStart))) {
                Optional<int[]> found = scan(text, lineStart, lineEnd);
                if (found.isPresent()) {
                    return found;
                }
            }
            lineStart = lineEnd + 1;
        }
        return Optional.empty();
    }

    private Optional<int[]> scan(String text, int from, int to) {
        int symbols = 0;
        for (int i = from; i < to; i++) {
            if (SYMBOLS.indexOf(text.charAt(i)) >= 0) {
                symbols++;
            }
            if (i - from >= window) {
                if (SYMBOLS.indexOf(text.charAt(i - window)) >= 0) {
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
            int at = SYMBOLS.indexOf(text.charAt(i));
            if (at >= 0) {
                seen |= 1L << at;
            }
        }
        return Long.bitCount(seen);
    }
}
