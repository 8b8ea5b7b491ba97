package dev.veto.plugins.keyword;

import java.nio.CharBuffer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number range inside a lexicon phrase: {@code {0-800} calories a day} matches "500 calories a day",
 * "450 calories a day" and "1,000 calories a day" only from 0 to 800. The text's number is read in any
 * script's digits ("٥٠٠"), with {@code , . '} between digit groups ("1,500", "1.500" are fifteen hundred;
 * "2.5" and "2,5" two and a half), and may touch the words beside it or stand a space or a hyphen away
 * ("500kcal", "500-calorie diet").
 *
 * @param before the phrase's words before the number, lower-case, stripped; may be empty
 * @param min    the lowest number it matches
 * @param max    the highest number it matches
 * @param after  the phrase's words after the number, lower-case, stripped; may be empty (not both)
 */
record NumberSlot(String before, double min, double max, String after) {

    private static final Pattern SLOT = Pattern.compile("\\{(\\d+(?:\\.\\d+)?)-(\\d+(?:\\.\\d+)?)}");

    /** Most characters between the number and the words beside it: "500 - calorie". */
    private static final int MAX_NUMBER_GAP = 3;

    /**
     * What may separate the digit groups of one number: comma, point, apostrophe and the Arabic decimal and
     * thousands separators (NFKC keeps them). A space joins groups only in a number read for a range, below.
     */
    private static final String GROUP_SEPARATORS = ",.'\u066B\u066C";

    private static final char ARABIC_DECIMAL_SEPARATOR = '\u066B';

    private static final char ARABIC_THOUSANDS_SEPARATOR = '\u066C';

    /**
     * The phrase's number range, if it has one.
     *
     * @param phrase a lexicon phrase, lower-case
     * @return its range
     * @throws IllegalArgumentException if it has two, a range runs backwards, or the phrase has no words
     */
    static Optional<NumberSlot> in(String phrase) {
        Matcher m = SLOT.matcher(phrase);
        if (!m.find()) {
            if (phrase.indexOf('{') >= 0 || phrase.indexOf('}') >= 0) {
                throw new IllegalArgumentException("a number range is written {min-max}, e.g. {0-800}: " + phrase);
            }
            return Optional.empty();
        }
        double min = Double.parseDouble(m.group(1));
        double max = Double.parseDouble(m.group(2));
        String before = phrase.substring(0, m.start()).strip();
        String after = phrase.substring(m.end()).strip();
        if (min > max) {
            throw new IllegalArgumentException("a number range runs from its lower to its upper end: " + phrase);
        }
        if (after.indexOf('{') >= 0 || before.indexOf('{') >= 0) {
            throw new IllegalArgumentException("a phrase has at most one number range: " + phrase);
        }
        if (after.indexOf('}') >= 0 || before.indexOf('}') >= 0) {
            throw new IllegalArgumentException("a number range is written {min-max}, e.g. {0-800}: " + phrase);
        }
        if (before.isEmpty() && after.isEmpty()) {
            throw new IllegalArgumentException("a phrase needs words besides its number range: " + phrase);
        }
        return Optional.of(new NumberSlot(before, min, max, after));
    }

    /** The words the matcher looks up: those after the number, or those before it where none follow. */
    String key() {
        return after.isEmpty() ? before : after;
    }

    /**
     * Where the whole phrase lies in the text, given where its {@link #key()} was found: the number in range
     * beside the key and, on its other side, the rest of the phrase.
     *
     * @param text        the text, lower-case
     * @param keyStart    where the key starts
     * @param keyEnd      where it ends
     * @param wordsAround whether the number and the phrase must stand apart from neighbouring letters and
     *                    digits (spaced scripts; an open end of the phrase is exempt, as for the key)
     * @param openStart   whether the phrase's start may run on into a longer word
     * @param openEnd     whether its end may
     * @param spaceGroups whether the phrase's language groups thousands with a space ("1 500" is fifteen
     *                    hundred in French); elsewhere "day 2 400 calories" may be four hundred, so either
     *                    reading counts
     * @return {@code {start, end}} of the phrase, or {@code null} where the text does not have it there
     */
    int[] locate(char[] text, int keyStart, int keyEnd, boolean wordsAround, boolean openStart, boolean openEnd,
                 boolean spaceGroups) {
        if (after.isEmpty()) {
            int numberStart = skipGap(text, keyEnd, 1);
            int numberEnd = numberEnd(text, numberStart);
            if (numberEnd >= 0) {
                // "under 1 500" is fifteen hundred where the language groups so; elsewhere either reading counts
                int joinedEnd = spacedGroupEnd(text, numberStart, numberEnd);
                numberEnd = spaceGroups || inRange(text, numberStart, joinedEnd) ? joinedEnd : numberEnd;
            }
            if (numberEnd < 0 || !inRange(text, numberStart, numberEnd)
                    || wordsAround && !openEnd && !standsApart(text, numberEnd)) {
                return null;
            }
            return new int[] {keyStart, numberEnd};
        }
        int numberEnd = skipGap(text, keyStart, -1);
        int numberStart = numberStart(text, numberEnd);
        if (numberStart >= 0) {
            // "1 500 calories" is fifteen hundred in French, "day 2 400 calories" four hundred on day two in
            // English: where the language groups thousands with a space that reading alone counts, else either
            int joinedStart = spacedGroupStart(text, numberStart, numberEnd);
            numberStart = spaceGroups || inRange(text, joinedStart, numberEnd) ? joinedStart : numberStart;
        }
        if (numberStart < 0 || !inRange(text, numberStart, numberEnd)) {
            return null;
        }
        if (before.isEmpty()) {
            return wordsAround && !standsApart(text, numberStart - 1) ? null : new int[] {numberStart, keyEnd};
        }
        int beforeEnd = skipSpaces(text, numberStart);
        int beforeStart = beforeEnd - before.length();
        if (beforeStart < 0 || !before.contentEquals(CharBuffer.wrap(text, beforeStart, before.length()))
                || wordsAround && !openStart && !standsApart(text, beforeStart - 1)) {
            return null;
        }
        return new int[] {beforeStart, keyEnd};
    }

    /**
     * Where a number of three digits starts if a group of one to three digits stands a single space before it:
     * French and others group thousands with a space ("1 500 calories"; NFKC makes the narrow space a plain
     * one), and "500 calories a day" must not be found in it. ("Week 1 200 calories" reads as 1,200 too.)
     */
    private static int spacedGroupStart(char[] text, int start, int end) {
        if (end - start != 3 || !allDigits(text, start, end) || start < 2 || text[start - 1] != ' ') {
            return start;
        }
        int groupStart = start - 1;
        while (groupStart > 0 && Character.isDigit(text[groupStart - 1]) && start - 1 - groupStart < 3) {
            groupStart--;
        }
        boolean group = groupStart < start - 1 && !(start - 1 - groupStart == 1 && text[groupStart] == '0')
                && (groupStart == 0 || !Character.isDigit(text[groupStart - 1])
                && GROUP_SEPARATORS.indexOf(text[groupStart - 1]) < 0);
        return group ? groupStart : start;
    }

    /** Where a number ends that goes on, after a single space, with a group of exactly three digits. */
    private static int spacedGroupEnd(char[] text, int start, int end) {
        if (end - start > 3 || !allDigits(text, start, end) || end + 4 > text.length || text[end] != ' '
                || !allDigits(text, end + 1, end + 4) || end + 4 < text.length && Character.isDigit(text[end + 4])) {
            return end;
        }
        return end + 4;
    }

    private static int indexOf(char[] text, int start, int end, char c) {
        for (int i = start; i < end; i++) {
            if (text[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The digits of {@code [start, end)} as ASCII, Arabic thousands separators skipped. */
    private static String digitsOf(char[] text, int start, int end) {
        StringBuilder digits = new StringBuilder();
        for (int i = start; i < end; i++) {
            if (Character.isDigit(text[i])) {
                digits.append(Character.digit(text[i], 10));
            } else if (text[i] != ARABIC_THOUSANDS_SEPARATOR) {
                return "";
            }
        }
        return digits.toString();
    }

    private static boolean allDigits(char[] text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isDigit(text[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether the number in {@code [start, end)} lies in the range. */
    private boolean inRange(char[] text, int start, int end) {
        double value = value(text, start, end);
        return value >= min && value <= max;
    }

    /**
     * The value of a number as written: digit groups joined by separators are thousands where every group
     * after the first has three digits, else one separator is a decimal point.
     *
     * @return the value, or NaN for a digit string that is neither ("1.2.3")
     */
    static double value(char[] text, int start, int end) {
        int arabicDecimal = indexOf(text, start, end, ARABIC_DECIMAL_SEPARATOR);
        if (arabicDecimal >= 0) { // the Arabic decimal point is never a group separator
            String whole = digitsOf(text, start, arabicDecimal);
            String fraction = digitsOf(text, arabicDecimal + 1, end);
            return whole.isEmpty() || fraction.isEmpty() || fraction.length() != end - arabicDecimal - 1 ? Double.NaN
                    : Double.parseDouble(whole + "." + fraction);
        }
        StringBuilder digits = new StringBuilder();
        int separators = 0;
        int group = 0;
        boolean thousands = true;
        int decimalAt = -1;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (GROUP_SEPARATORS.indexOf(c) >= 0 || c == ' ') {
                separators++;
                // a first group of one to three digits, not a lone 0 ("0.500" is a half); then three each
                boolean firstGroupFits = group >= 1 && group <= 3 && !(group == 1 && digits.charAt(0) == '0');
                if (separators == 1 ? !firstGroupFits : group != 3) {
                    thousands = false;
                }
                group = 0;
                decimalAt = digits.length();
            } else {
                digits.append(Character.digit(c, 10));
                group++;
            }
        }
        if (separators == 0) {
            return Double.parseDouble(digits.toString());
        }
        if (thousands && group == 3) {
            return Double.parseDouble(digits.toString());
        }
        if (separators == 1) {
            return Double.parseDouble(digits.substring(0, decimalAt) + "." + digits.substring(decimalAt));
        }
        return Double.NaN;
    }

    /** Where the number that starts at {@code start} ends, or -1 where none starts there. */
    private static int numberEnd(char[] text, int start) {
        int i = start;
        while (i < text.length && (Character.isDigit(text[i]) || i > start && joinsDigits(text, i))) {
            i++;
        }
        return i > start && Character.isDigit(text[i - 1]) ? i : -1;
    }

    /** Where the number that ends at {@code end} starts, or -1 where none ends there. */
    private static int numberStart(char[] text, int end) {
        int i = end;
        while (i > 0 && (Character.isDigit(text[i - 1]) || i < end && joinsDigits(text, i - 1))) {
            i--;
        }
        return i < end && Character.isDigit(text[i]) ? i : -1;
    }

    /** Whether the char at {@code i} is a group separator with a digit on each side. */
    static boolean joinsDigits(char[] text, int i) {
        return GROUP_SEPARATORS.indexOf(text[i]) >= 0 && i > 0 && i + 1 < text.length
                && Character.isDigit(text[i - 1]) && Character.isDigit(text[i + 1]);
    }

    /** From {@code from}, past at most a few spaces and hyphens in {@code direction}: where the number should be. */
    private static int skipGap(char[] text, int from, int direction) {
        int i = from;
        for (int n = 0; n < MAX_NUMBER_GAP; n++) {
            int next = direction > 0 ? i : i - 1;
            if (next < 0 || next >= text.length || !(isSpace(text[next]) || text[next] == '-')) {
                break;
            }
            i += direction;
        }
        return i;
    }

    /** Back from {@code from}, past spaces. */
    private static int skipSpaces(char[] text, int from) {
        int i = from;
        while (i > 0 && isSpace(text[i - 1]) && from - i < MAX_NUMBER_GAP) {
            i--;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Whether the char at {@code i} (maybe outside the text) is neither a letter nor a digit. */
    private static boolean standsApart(char[] text, int i) {
        return i < 0 || i >= text.length || !Character.isLetterOrDigit(text[i]);
    }
}
