package dev.veto.core.normalize;

import com.ibm.icu.text.Normalizer2;
import dev.veto.core.InvalidRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Normalizes text before classification: lone surrogates become U+FFFD, invisible format characters
 * (zero-width spaces and joiners, bidi controls, tag characters, variation selectors, soft hyphens) and
 * control characters other than tab and line breaks are removed, and the rest is put in Unicode NFKC, so
 * that fullwidth, ligature and compatibility forms read like the plain letters they show, and typographic
 * apostrophes read as {@code '}. Then the {@link Deobfuscator} folds look-alike letters, reads leetspeak,
 * rejoins spaced-out letters and appends decoded base64, hex, URL-encoded and rot13 segments.
 *
 * <p>Every normalized char keeps the index of the original char it came from, so spans found in the
 * normalized text can be shown in the original. Thread-safe; printable ASCII text, which needs no change, is
 * returned as is without copying.
 */
public final class TextNormalizer {

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    private final Deobfuscator deobfuscator = new Deobfuscator();

    /**
     * Normalizes one text.
     *
     * @param original the text as received
     * @return the normalized text with its offset map
     */
    public NormalizedText normalize(String original) {
        return normalize(original, Integer.MAX_VALUE, "the text");
    }

    /**
     * Normalizes one text that may not grow beyond a length: compatibility characters expand many times under
     * NFKC (U+FDFA is 18 letters), so the limit is held while normalizing, before the text is ever that long.
     *
     * @param original  the text as received
     * @param maxLength the most characters the normalized text may have
     * @param what      what the text is, for the error ("the text", "a tool message")
     * @return the normalized text with its offset map
     * @throws InvalidRequestException if the normalized text would be longer than {@code maxLength}
     */
    public NormalizedText normalize(String original, int maxLength, String what) {
        if (original.length() > maxLength) {
            throw new InvalidRequestException(what + " has " + original.length() + " characters; at most " + maxLength
                    + " are accepted (veto.limits.max-chars)");
        }
        if (isPlainAscii(original)) {
            return deobfuscate(original, original, null, new ArrayList<>(1));
        }
        int length = original.length();
        StringBuilder filtered = new StringBuilder(length);
        int[] filteredOrigin = new int[length + 1];
        int surrogates = 0;
        int removed = 0;
        for (int i = 0; i < length; ) {
            int cp = original.codePointAt(i);
            int width = Character.charCount(cp);
            if (Character.isSurrogate((char) cp) && width == 1) {
                filteredOrigin[filtered.length()] = i;
                filtered.append('\uFFFD');
                surrogates++;
            } else if (isInvisible(cp)) {
                removed++;
            } else {
                for (int k = 0; k < width; k++) {
                    filteredOrigin[filtered.length()] = i;
                    filtered.append(original.charAt(i + k));
                }
            }
            i += width;
        }
        filteredOrigin[filtered.length()] = length;

        StringBuilder text = new StringBuilder(filtered.length());
        int[] origin = new int[filtered.length() * 2 + 2];
        int segmentStart = 0;
        for (int i = 0; i <= filtered.length(); ) {
            boolean boundary = i == filtered.length() || (i > segmentStart && NFKC.hasBoundaryBefore(filtered.codePointAt(i)));
            if (boundary && i > segmentStart) {
                String segment = NFKC.normalize(filtered.subSequence(segmentStart, i));
                if (text.length() + segment.length() > maxLength) {
                    throw new InvalidRequestException("after Unicode normalization " + what + " has more than "
                            + maxLength + " characters; at most " + maxLength + " are accepted (veto.limits.max-chars)");
                }
                origin = ensureCapacity(origin, text.length() + segment.length() + 1);
                for (int k = 0; k < segment.length(); k++) {
                    origin[text.length() + k] = filteredOrigin[segmentStart];
                }
                text.append(segment);
                segmentStart = i;
            }
            if (i == filtered.length()) {
                break;
            }
            i += Character.charCount(filtered.codePointAt(i));
        }
        origin = ensureCapacity(origin, text.length() + 1);
        origin[text.length()] = length;
        int[] toOriginal = Arrays.copyOf(origin, text.length() + 1);

        List<String> notes = new ArrayList<>(3);
        if (surrogates > 0) {
            notes.add("replaced " + surrogates + " unpaired surrogate(s) with U+FFFD");
        }
        if (removed > 0) {
            notes.add("removed " + removed + " invisible or control character(s)");
        }
        if (text.compareTo(filtered) != 0) {
            notes.add("applied NFKC compatibility normalization");
        }
        foldApostrophes(text);
        return deobfuscate(original, text.toString(), toOriginal, notes);
    }

    /**
     * Typographic apostrophes (’ ‘ ʼ — what phones and word processors type, and NFKC keeps) read as
     * {@code '}, one char for one, so "doesn’t" and "l’arme" meet every classifier's patterns written with a
     * plain one. Not worth a note: it changes how a word is spelt, not what it says.
     */
    private static void foldApostrophes(StringBuilder text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u2019' || c == '\u2018' || c == '\u02BC') {
                text.setCharAt(i, '\'');
            }
        }
    }

    /** Look-alikes, leetspeak, spaced letters and encodings, after the Unicode steps (a null map: unchanged so far). */
    private NormalizedText deobfuscate(String original, String normalized, int[] toOriginal, List<String> notes) {
        Deobfuscator.Result result = deobfuscator.apply(normalized, toOriginal, original.length());
        notes.addAll(result.notes());
        return result.text().equals(original) ? NormalizedText.unchanged(original)
                : NormalizedText.changed(original, result.text(), result.origin(), notes);
    }



    /**
     * The text with what cannot be seen removed — invisible and control characters, tag characters that can
     * smuggle hidden instructions — and unpaired surrogates replaced, but not NFKC-normalized: what the host
     * sends to a model and releases to a user, so that neither reads anything the classifiers did not see.
     *
     * @param text any text
     * @return the visible text
     */
    public String visible(String text) {
        if (isPlainAscii(text)) {
            return text;
        }
        StringBuilder visible = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (Character.isSurrogate((char) cp) && width == 1) {
                visible.append('\uFFFD');
            } else if (!isInvisible(cp)) {
                visible.appendCodePoint(cp);
            }
            i += width;
        }
        return visible.toString();
    }

    /** Printable ASCII plus tab and line breaks needs no normalization at all. */
    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    static boolean isInvisible(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT              // ZWSP, ZWJ, bidi controls, BOM, soft hyphen, tags
                || type == Character.CONTROL
                || (cp >= 0xFE00 && cp <= 0xFE0F)     // variation selectors
                || (cp >= 0xE0100 && cp <= 0xE01EF)   // variation selectors supplement
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0; // Hangul fillers render blank
    }

    private static int[] ensureCapacity(int[] array, int size) {
        return array.length >= size ? array : Arrays.copyOf(array, Math.max(size, array.length * 2));
    }
}
