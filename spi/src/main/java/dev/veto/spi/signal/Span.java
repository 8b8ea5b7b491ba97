package dev.veto.spi.signal;

/**
 * A half-open range {@code [start, end)} of UTF-16 indices into the text a classifier was given.
 *
 * @param start the index of the first char, inclusive
 * @param end   the index after the last char, exclusive
 */
public record Span(int start, int end) {

    /**
     * Validates the range.
     *
     * @param start the index of the first char, inclusive
     * @param end   the index after the last char, exclusive
     * @throws IllegalArgumentException if {@code start < 0} or {@code end < start}
     */
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid span [" + start + ", " + end + ")");
        }
    }

    /**
     * The number of chars covered.
     *
     * @return {@code end - start}
     */
    public int length() {
        return end - start;
    }

    /**
     * Whether this span lies within a text of the given length.
     *
     * @param textLength the text's length in chars
     * @return {@code true} if {@code end <= textLength}
     */
    public boolean fitsIn(int textLength) {
        return end <= textLength;
    }
}
