package dev.veto.plugins.semantic;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a long text into a bounded number of windows for the encoder, which sees only its first few hundred
 * tokens: a harmful request buried after a long preamble, or appended to a harmless document, must still be
 * looked at, while a megabyte of text must not cost a thousand inferences. Windows are spread evenly from
 * the start to the end, so the head and the tail are always covered.
 */
public final class TextWindows {

    private final int chars;
    private final int max;

    /**
     * Creates the windowing.
     *
     * @param chars characters per window
     * @param max   windows per text at most
     */
    public TextWindows(int chars, int max) {
        if (chars < 64) {
            throw new IllegalArgumentException("window.chars must be at least 64, was " + chars);
        }
        if (max < 1) {
            throw new IllegalArgumentException("window.max must be at least 1, was " + max);
        }
        this.chars = chars;
        this.max = max;
    }

    /**
     * The windows of a text: the text itself if it fits in one.
     *
     * @param text the text
     * @return one to {@code max} windows, in order
     */
    public List<String> of(String text) {
        if (text.length() <= chars) {
            return List.of(text);
        }
        int count = (int) Math.min(max, (text.length() + (long) chars - 1) / chars);
        if (count == 1) {
            return List.of(text.substring(0, safeEnd(text, chars)));
        }
        List<String> windows = new ArrayList<>(count);
        long span = text.length() - chars;
        for (int i = 0; i < count; i++) {
            int start = safeStart(text, (int) (span * i / (count - 1)));
            windows.add(text.substring(start, safeEnd(text, Math.min(text.length(), start + chars))));
        }
        return windows;
    }

    /** Never starts inside a surrogate pair. */
    private static int safeStart(String text, int index) {
        return index > 0 && Character.isLowSurrogate(text.charAt(index)) ? index + 1 : index;
    }

    /** Never ends inside a surrogate pair. */
    private static int safeEnd(String text, int index) {
        return index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index - 1 : index;
    }
}
