package dev.veto.plugins.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a long text into a bounded number of windows for the encoder, which sees only its first few hundred
 * tokens: a harmful request buried after a long preamble, or appended to a harmless document, must still be
 * looked at, while a megabyte of text must not cost a thousand inferences. Windows are spread evenly from
 * the start to the end, so the head and the tail are always covered; the last window is the text's closing
 * sentences alone, at most half a window long, because a request appended to a long text — the usual shape
 * of a jailbreak — would otherwise be averaged away among the sentences before it. A text that fits one window
 * may also be read a second time in its closing sentences ({@link #closingOf}), once it is long enough to tell a
 * story before it asks.
 */
public final class TextWindows {

    private static final int MIN_CLOSING = 40;

    /** The fewest characters a part read again must leave out of its text: else it is the text again. */
    static final int MIN_LEFT_OUT = 40;

    private final int chars;
    private final int max;
    private final int closingFrom;

    /**
     * Creates the windowing; a text that fits one window is read whole only.
     *
     * @param chars characters per window
     * @param max   windows per text at most
     */
    public TextWindows(int chars, int max) {
        this(chars, max, Integer.MAX_VALUE);
    }

    /**
     * Creates the windowing.
     *
     * @param chars       characters per window
     * @param max         windows per text at most
     * @param closingFrom the least length of a text that fits one window for {@link #closingOf} to give its closing
     *                    sentences (more than {@code chars}: never)
     */
    public TextWindows(int chars, int max, int closingFrom) {
        if (chars < 64) {
            throw new IllegalArgumentException("window.chars must be at least 64, was " + chars);
        }
        if (max < 1) {
            throw new IllegalArgumentException("window.max must be at least 1, was " + max);
        }
        if (closingFrom < 2 * MIN_CLOSING) {
            throw new IllegalArgumentException("window.closing-from must be at least " + 2 * MIN_CLOSING + ", was "
                    + closingFrom);
        }
        this.chars = chars;
        this.max = max;
        this.closingFrom = closingFrom;
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
        int spread = count - 1;
        long span = text.length() - chars;
        for (int i = 0; i < spread; i++) {
            int start = safeStart(text, spread == 1 ? 0 : (int) (span * i / (spread - 1)));
            windows.add(text.substring(start, safeEnd(text, Math.min(text.length(), start + chars))));
        }
        windows.add(closing(text));
        return windows;
    }

    /**
     * The closing sentences of a text that fits one window, to be read a second time on their own.
     *
     * @param text the text
     * @return its closing sentences, if it fits one window, has at least {@code closingFrom} characters and a
     *         sentence end before its last {@value #MIN_CLOSING}, and they leave at least {@value #MIN_LEFT_OUT}
     *         characters of story out (else the second reading is the first again); else empty
     */
    public Optional<String> closingOf(String text) {
        if (!readsPartsAgain(text)) {
            return Optional.empty();
        }
        return Optional.ofNullable(closingSentences(text)).filter(c -> c.length() <= text.length() - MIN_LEFT_OUT);
    }

    /**
     * Whether parts of a text may be read again on their own: it fits one window and has at least
     * {@code closingFrom} characters.
     *
     * @param text the text
     * @return whether it does
     */
    public boolean readsPartsAgain(String text) {
        return text.length() <= chars && text.length() >= closingFrom;
    }

    /**
     * The text's closing sentences: the shortest tail of at least {@value #MIN_CLOSING} characters that starts
     * after a sentence end, within the last half window; without a sentence end there, the last half window.
     */
    private String closing(String text) {
        String sentences = closingSentences(text);
        return sentences != null ? sentences : text.substring(safeStart(text, text.length() - chars / 2));
    }

    /**
     * The shortest tail of at least {@value #MIN_CLOSING} characters that starts after a sentence end, within
     * the last half window; null without such a sentence end.
     */
    private String closingSentences(String text) {
        int from = safeStart(text, Math.max(0, text.length() - chars / 2));
        for (int i = text.length() - 2; i >= from; i--) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '\u3002' || c == '\uff01' || c == '\uff1f') {
                String rest = text.substring(i + 1).strip();
                if (rest.length() >= MIN_CLOSING) {
                    return rest;
                }
            }
        }
        return null;
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
