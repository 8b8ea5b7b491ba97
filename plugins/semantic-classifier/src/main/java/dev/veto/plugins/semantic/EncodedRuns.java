package dev.veto.plugins.semantic;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes encoded blobs — base64, hex, tokens — before the encoder reads a text. The model cannot read them;
 * as word pieces they only crowd its 128-token window and pull the sentence vector toward noise. Their
 * decoded content is already in the text: the host's normalizer appends it.
 */
final class EncodedRuns {

    /** A long run of base64 / URL-safe base64 / hex characters. */
    private static final Pattern RUN = Pattern.compile("[A-Za-z0-9+/_=-]{24,}");

    private EncodedRuns() {
    }

    /**
     * The text without its encoded runs.
     *
     * @param text the text
     * @return the text with each encoded run replaced by a space (the text itself if it has none)
     */
    static String strip(String text) {
        Matcher matcher = RUN.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (matcher.find()) {
            if (!encoded(text, matcher.start(), matcher.end())) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, last, matcher.start()).append(' ');
            last = matcher.end();
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /**
     * A word is not a blob: a long compound ("Donaudampfschifffahrt") or identifier in one case, or words
     * joined by hyphens or underscores, have no digit and no lower-to-upper case change inside.
     */
    private static boolean encoded(String text, int start, int end) {
        boolean digit = false;
        int caseChanges = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            digit |= c >= '0' && c <= '9';
            if (i > start && Character.isUpperCase(c) && Character.isLowerCase(text.charAt(i - 1))) {
                caseChanges++;
            }
        }
        return digit || caseChanges >= 3;
    }
}
