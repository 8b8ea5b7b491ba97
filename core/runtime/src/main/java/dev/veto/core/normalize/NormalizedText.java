package dev.veto.core.normalize;

import dev.veto.spi.signal.Span;
import java.util.List;
import java.util.Objects;

/**
 * A text after normalization, with the way back to the original: each normalized char remembers the index
 * of the original char it came from, so spans found in the normalized text can be shown in the original.
 */
public final class NormalizedText {

    private final String original;
    private final String text;
    private final int[] toOriginal; // null when text == original
    private final List<String> notes;

    private NormalizedText(String original, String text, int[] toOriginal, List<String> notes) {
        this.original = Objects.requireNonNull(original, "original");
        this.text = Objects.requireNonNull(text, "text");
        this.toOriginal = toOriginal;
        this.notes = List.copyOf(notes);
    }

    /**
     * A text normalization did not change.
     *
     * @param text the text
     * @return the unchanged text
     */
    public static NormalizedText unchanged(String text) {
        return new NormalizedText(text, text, null, List.of());
    }

    /**
     * A text normalization changed.
     *
     * @param original   the text as received
     * @param text       the normalized text
     * @param toOriginal for each index of {@code text} and for {@code text.length()}, the original index
     * @param notes      what changed, for the trace
     * @return the normalized text
     */
    public static NormalizedText changed(String original, String text, int[] toOriginal, List<String> notes) {
        if (toOriginal.length != text.length() + 1) {
            throw new IllegalArgumentException("offset map must have text.length() + 1 entries");
        }
        return new NormalizedText(original, text, toOriginal.clone(), notes);
    }

    /** @return the text as received */
    public String original() {
        return original;
    }

    /** @return the normalized text classifiers see */
    public String text() {
        return text;
    }

    /** @return what the normalizer changed, for the trace (never the text itself) */
    public List<String> notes() {
        return notes;
    }

    /** @return {@code true} if normalization changed the text */
    public boolean changed() {
        return toOriginal != null;
    }

    /**
     * Maps a span of the normalized text back to the original text, covering every original char that
     * produced it.
     *
     * @param span a span of {@link #text()}
     * @return the corresponding span of {@link #original()}
     */
    public Span toOriginal(Span span) {
        if (toOriginal == null) {
            return span;
        }
        int start = toOriginal[Math.min(span.start(), text.length())];
        int end = span.end() >= text.length() ? original.length()
                : span.end() > span.start() ? originalEndOf(span.end() - 1) : start;
        return new Span(start, Math.max(start, end));
    }

    /** The original index just past the source of the normalized char at {@code index}. */
    private int originalEndOf(int index) {
        int next = index + 1;
        while (next < text.length() && toOriginal[next] == toOriginal[index]) {
            next++;
        }
        return next < text.length() ? toOriginal[next] : original.length();
    }

    @Override
    public String toString() {
        return "NormalizedText[" + text.length() + " chars, " + notes + "]";
    }
}
