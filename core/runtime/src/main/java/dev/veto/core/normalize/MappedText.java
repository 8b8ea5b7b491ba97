package dev.veto.core.normalize;

import java.util.Arrays;

/**
 * A text under construction in which every char remembers the index of the original char it came from:
 * what lets each de-obfuscation step rewrite the text while spans still lead back to what the user wrote.
 */
final class MappedText {

    private final StringBuilder text;
    private int[] origin;

    MappedText(int capacity) {
        text = new StringBuilder(capacity);
        origin = new int[Math.max(16, capacity + 1)];
    }

    void append(char c, int originIndex) {
        if (text.length() + 1 >= origin.length) {
            origin = Arrays.copyOf(origin, origin.length * 2);
        }
        origin[text.length()] = originIndex;
        text.append(c);
    }

    void append(CharSequence chars, int originIndex) {
        for (int i = 0; i < chars.length(); i++) {
            append(chars.charAt(i), originIndex);
        }
    }

    int length() {
        return text.length();
    }

    String text() {
        return text.toString();
    }

    /** The origin map with its closing entry ({@code origin[length] = originalLength}). */
    int[] origin(int originalLength) {
        int[] map = Arrays.copyOf(origin, text.length() + 1);
        map[text.length()] = originalLength;
        return map;
    }
}
