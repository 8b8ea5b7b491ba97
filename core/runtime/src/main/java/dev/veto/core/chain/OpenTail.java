package dev.veto.core.chain;

/**
 * The end of a stream's text that may be a value still growing: what a moderated stream keeps back until the
 * next chunk shows how it goes on. A value the output classifiers look for — a phone, card or account number,
 * an e-mail address, an API key — is a run of digits, letters and separators, and a number may go on after
 * a space ({@code 4111 1111 …}, {@code +44 20 …}). So the tail is open where the text ends inside a word that
 * holds anything but letters ({@code 555-01}, {@code john.doe}, {@code sk-}), or ends in a number, with the
 * digit groups before it. A plain word at the end ({@code Sure}, {@code here,}) is released: a few letters
 * are no value, and holding every last word back would delay every stream by a chunk. Unspaced scripts (Han,
 * kana, Hangul, Thai) end a word, as a space does.
 */
final class OpenTail {

    /** Longer than any value looked for (a JSON web token is the longest); a longer run is not held back. */
    static final int MAX_LENGTH = 1024;

    private OpenTail() {
    }

    /**
     * Where the open tail of {@code text[from, end)} starts.
     *
     * @param text the generated text
     * @param from the earliest index that may be kept back (what was released before stays released)
     * @param end  the end of the text
     * @return an index in {@code [max(from, end - MAX_LENGTH), end]}; {@code end} when nothing is open
     */
    static int start(CharSequence text, int from, int end) {
        int floor = Math.max(from, end - MAX_LENGTH);
        int wordStart = wordStart(text, floor, end);
        boolean endsInsideWord = wordStart < end;
        int tail = end;
        if (endsInsideWord && !isPlainWord(text, wordStart, end)) {
            tail = wordStart;
        }
        // a number may go on after a space: the digit groups at the end, with the separators between them
        int groupEnd = endsInsideWord ? end : skipSpacesBack(text, floor, end);
        int groupStart = wordStart(text, floor, groupEnd);
        while (groupStart < groupEnd && hasDigit(text, groupStart, groupEnd)) {
            tail = Math.min(tail, groupStart);
            groupEnd = skipSpacesBack(text, floor, groupStart);
            if (groupEnd == groupStart) {
                break; // no space before the group: the text (or what may be kept back) starts there
            }
            groupStart = wordStart(text, floor, groupEnd);
        }
        return tail;
    }

    /** Where the word that ends at {@code end} starts (no earlier than {@code floor}). */
    private static int wordStart(CharSequence text, int floor, int end) {
        int i = end;
        while (i > floor && isWordChar(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** Back over the spaces (not line breaks: a number does not go on in the next line) before {@code end}. */
    private static int skipSpacesBack(CharSequence text, int floor, int end) {
        int i = end;
        while (i > floor && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\u00A0' || text.charAt(i - 1) == '\t')) {
            i--;
        }
        return i;
    }

    private static boolean isWordChar(char c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
                && script != Character.UnicodeScript.KATAKANA && script != Character.UnicodeScript.HANGUL
                && script != Character.UnicodeScript.THAI;
    }

    /** Letters, then at most one closing mark ({@code Sure,} {@code time.} {@code (yes)}): no value in progress. */
    private static boolean isPlainWord(CharSequence text, int start, int end) {
        int i = start;
        if (i < end && "(\"'“‘¿¡".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        int letters = i;
        while (i < end && Character.isLetter(text.charAt(i))) {
            i++;
        }
        if (i == letters) {
            return false;
        }
        if (i < end && ".,;:!?)\"'”’…".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i == end;
    }

    private static boolean hasDigit(CharSequence text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
