package dev.veto.core.normalize;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.SpoofChecker;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Undoes what users do to slip a request past a filter, after NFKC: look-alike letters from other scripts
 * folded to Latin, leetspeak inside words read as letters, spaced-out letters rejoined, and encoded segments
 * (base64, hex, URL encoding, rot13 where the text asks for it) decoded and appended, so classifiers judge
 * what the model would read. Every step keeps the map back to the original, so spans still point at what
 * the user wrote. Each step first checks cheaply whether it can apply: plain text costs a few scans.
 */
final class Deobfuscator {

    /** A text and its map to the original, with what was changed. */
    record Result(String text, int[] origin, List<String> notes) {
    }

    /** Cross-script look-alikes (Greek, Cyrillic, Armenian, Cherokee) whose ICU skeleton is one ASCII letter. */
    private static final Map<Integer, Character> CONFUSABLES = confusables();
    /** Stand-ins and the letter each stands for ({@code 0} where none): a table, as it is read for every char. */
    private static final char[] LEET = leetTable();
    /** Shortest encoded segment worth decoding: 12 bytes of base64, 8 bytes of hex. */
    private static final int MIN_BASE64 = 16;
    private static final int MIN_HEX_DIGITS = 16;
    private static final Pattern ROT13_CUE = Pattern.compile("(?i)\\brot-?13\\b");
    /** Decoded text is appended after this separator, so the main text keeps its own word boundaries. */
    private static final String SEPARATOR = "\n\n";

    Result apply(String text, int[] origin, int originalLength) {
        List<String> notes = new ArrayList<>(2);
        String current = text;
        int[] map = origin;
        Signs signs = Signs.of(text);

        MappedText decoded = signs.encoded ? decode(current, map, notes) : null;
        if (decoded != null) {
            map = decoded.origin(originalLength);
            current = decoded.text();
        }
        MappedText folded = signs.nonAscii ? foldConfusables(current, map, notes) : null;
        if (folded != null) {
            map = folded.origin(originalLength);
            current = folded.text();
        }
        MappedText leet = signs.leet || decoded != null ? readLeetspeak(current, map, notes) : null;
        if (leet != null) {
            map = leet.origin(originalLength);
            current = leet.text();
        }
        boolean wideGaps = current.contains("  ") || current.indexOf('\t') >= 0 || current.contains("..") || current.contains("--");
        MappedText joined = signs.spaced || decoded != null || wideGaps ? joinSpacedLetters(current, map, notes) : null;
        if (joined != null) {
            map = joined.origin(originalLength);
            current = joined.text();
        }
        MappedText collapsed = collapseSpaces(current, map);
        if (collapsed != null) {
            map = collapsed.origin(originalLength);
            current = collapsed.text();
        }
        return new Result(current, map, notes);
    }

    private static final boolean[] ASCII_WORD = new boolean[128];
    private static final boolean[] ASCII_LETTER = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_LETTER[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            ASCII_WORD[c] = ASCII_LETTER[c] || (c >= '0' && c <= '9');
        }
    }

    /**
     * A letter at {@code sep - 1} that is a word of its own. The char before it is tested first, by table
     * for ASCII: before nearly every space of prose stands a longer word, and that settles it.
     */
    private static boolean isSingleLetterBefore(String text, int sep) {
        return (sep < 2 || !isWordChar(text.charAt(sep - 2))) && isSpellingLetter(text.charAt(sep - 1));
    }

    /**
     * A letter that a word may be spelled out in. Not a Hangul syllable: a block is a syllable, and Korean sets
     * many one-syllable words between spaces ("애 티 안 나게", "할 수 있다") — rejoined, they lost the phrases
     * written with their spaces.
     */
    private static boolean isSpellingLetter(char c) {
        return c < 0x80 ? ASCII_LETTER[c] : Character.isLetter(c) && !(c >= '\uAC00' && c <= '\uD7AF');
    }

    private static boolean isWordChar(char c) {
        return c < 0x80 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
    }

    /**
     * What one scan of the text says may need undoing, so the passes that cannot apply never run: ordinary
     * prose costs this scan and nothing else.
     */
    private static final class Signs {
        boolean encoded;
        boolean nonAscii;
        boolean leet;
        boolean spaced;

        // what each ASCII char is to the scan, in one table read instead of a chain of comparisons: the
        // scan runs on every text, and prose is mostly the branches that find nothing
        private static final int BASE64 = 1;
        private static final int BASE64_MIX = 2; // a digit or an upper-case letter: real base64 has them
        private static final int HEX = 4;
        private static final int HEX_GAP = 8; // what may sit between hex digits: space, colon, backslash, x
        private static final int WORD = 16; // ASCII letter or digit, '@', '$'
        private static final int LEET_CHAR = 32;
        private static final int LETTER = 64;
        private static final int SEPARATOR_CHAR = 128;
        private static final byte[] FLAGS = flags();

        private static byte[] flags() {
            byte[] flags = new byte[128];
            for (char c = 0; c < 128; c++) {
                int f = 0;
                f |= isBase64(c) ? BASE64 : 0;
                f |= (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ? BASE64_MIX : 0;
                f |= isHex(c) ? HEX : 0;
                f |= c == ' ' || c == ':' || c == '\\' || c == 'x' || c == 'X' ? HEX_GAP : 0;
                f |= ASCII_WORD[c] || c == '@' || c == '$' ? WORD : 0;
                f |= isLeetChar(c) ? LEET_CHAR : 0;
                f |= ASCII_LETTER[c] ? LETTER : 0;
                f |= isSeparator(c) ? SEPARATOR_CHAR : 0;
                flags[c] = (byte) f;
            }
            return flags;
        }

        static Signs of(String text) {
            // locals, not the fields, inside the loop: the JIT keeps them in registers
            boolean encoded = false;
            boolean nonAscii = false;
            boolean leet = false;
            boolean spaced = false;
            int base64Run = 0;
            boolean base64Mixed = false;
            int hexRun = 0;
            boolean wordLetter = false;
            boolean wordLeet = false;
            int length = text.length();
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                int f;
                if (c < 0x80) {
                    f = FLAGS[c] & 0xff;
                } else {
                    nonAscii = true;
                    f = Character.isLetterOrDigit(c) ? WORD : 0;
                }
                if ((f & BASE64) != 0) {
                    base64Run++;
                    base64Mixed |= (f & BASE64_MIX) != 0;
                    encoded |= base64Run >= MIN_BASE64 && base64Mixed;
                } else {
                    base64Run = 0;
                    base64Mixed = false;
                }
                if ((f & HEX) != 0) {
                    encoded |= ++hexRun >= MIN_HEX_DIGITS;
                } else if ((f & HEX_GAP) == 0) {
                    hexRun = 0;
                }
                if (c == '%' || ((c | 0x20) == 'o' && i > 0 && (text.charAt(i - 1) | 0x20) == 'r'
                        && i + 1 < length && (text.charAt(i + 1) | 0x20) == 't')) {
                    encoded = true; // URL escapes or a mention of rot13: the decoder looks closer
                }
                if ((f & WORD) != 0) {
                    wordLeet |= (f & LEET_CHAR) != 0;
                    wordLetter |= (f & (LEET_CHAR | LETTER)) == LETTER;
                    leet |= wordLeet && wordLetter;
                } else {
                    // three single letters apart: "b o m", not "a weekend"
                    if ((f & SEPARATOR_CHAR) != 0 && !spaced && i >= 1 && i + 3 < length && isSingleLetterBefore(text, i)
                            && isSpellingLetter(text.charAt(i + 1)) && isSeparator(text.charAt(i + 2))
                            && isSpellingLetter(text.charAt(i + 3))
                            && (i + 4 >= length || !Character.isLetterOrDigit(text.charAt(i + 4)))) {
                        spaced = true;
                    }
                    wordLetter = false;
                    wordLeet = false;
                }
            }
            Signs signs = new Signs();
            signs.encoded = encoded;
            signs.nonAscii = nonAscii;
            signs.leet = leet;
            signs.spaced = spaced;
            return signs;
        }
    }

    // ---- look-alike letters -----------------------------------------------------------------------------

    private static char[] leetTable() {
        char[] table = new char[128];
        String pairs = "0o1i3e4a5s7t8b9g@a$s";
        for (int i = 0; i < pairs.length(); i += 2) {
            table[pairs.charAt(i)] = pairs.charAt(i + 1);
        }
        return table;
    }

    private static boolean isLeetChar(char c) {
        return c < 128 && LEET[c] != 0;
    }

    private static Map<Integer, Character> confusables() {
        SpoofChecker checker = new SpoofChecker.Builder().build();
        Map<Integer, Character> map = new HashMap<>();
        int[][] ranges = {{0x0370, 0x03FF}, {0x0400, 0x052F}, {0x0530, 0x058F}, {0x13A0, 0x13FF}, {0x1D00, 0x1D7F}};
        for (int[] range : ranges) {
            for (int cp = range[0]; cp <= range[1]; cp++) {
                if (!UCharacter.isLetter(cp)) {
                    continue;
                }
                String skeleton = checker.getSkeleton(new String(Character.toChars(cp)));
                if (skeleton.length() == 1 && skeleton.charAt(0) < 0x80 && Character.isLetter(skeleton.charAt(0))) {
                    char latin = skeleton.charAt(0);
                    // skeletons are lower-case; keep the case the glyph shows
                    map.put(cp, UCharacter.isUUppercase(cp) ? Character.toUpperCase(latin) : latin);
                }
            }
        }
        return Map.copyOf(map);
    }

    /**
     * Folds look-alikes to Latin in a text mostly written in Latin letters — a Russian or Greek text keeps its
     * letters; an English one with a Cyrillic "о" inside "bоmb" does not.
     */
    static MappedText foldConfusables(String text, int[] origin, List<String> notes) {
        if (!hasConfusable(text)) {
            return null; // the common case, ASCII or text without Greek, Cyrillic, Armenian or Cherokee letters
        }
        int latin = 0;
        int other = 0;
        boolean anyConfusable = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                if (UScript.getScript(cp) == UScript.LATIN) {
                    latin++;
                    anyConfusable |= CONFUSABLES.containsKey(cp); // small capitals, ᴏ for o
                } else {
                    other++;
                    anyConfusable |= CONFUSABLES.containsKey(cp);
                }
            }
            i += Character.charCount(cp);
        }
        if (!anyConfusable || (latin == 0 && other == 0)) {
            return null;
        }
        MappedText out = new MappedText(text.length());
        int folded = 0;
        int wordEnd = -1;
        boolean wordHasLatin = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (i >= wordEnd && Character.isLetter(cp)) { // a new word: decide once whether it mixes in Latin
                wordEnd = i;
                wordHasLatin = false;
                while (wordEnd < text.length() && Character.isLetter(text.charAt(wordEnd))) {
                    wordHasLatin |= UScript.getScript(text.charAt(wordEnd)) == UScript.LATIN;
                    wordEnd++;
                }
            }
            Character replacement = CONFUSABLES.get(cp);
            boolean latinLookAlike = replacement != null && UScript.getScript(cp) == UScript.LATIN;
            if (replacement != null && (latinLookAlike || latin >= other || (i < wordEnd && wordHasLatin))) {
                out.append(replacement, at(origin, i));
                folded++;
            } else {
                for (int k = 0; k < Character.charCount(cp); k++) {
                    out.append(text.charAt(i + k), at(origin, i + k));
                }
            }
            i += Character.charCount(cp);
        }
        if (folded == 0) {
            return null;
        }
        notes.add("folded " + folded + " look-alike letter(s) to Latin");
        return out;
    }

    private static boolean hasConfusable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x370 && CONFUSABLES.containsKey((int) c)) {
                return true;
            }
        }
        return false;
    }


    // ---- leetspeak --------------------------------------------------------------------------------------

    /**
     * Reads digits and symbols as the letters they stand for inside words that mix them with letters
     * ("b0mb", "3xpl0s1v3", "h@ck"); trailing numbers ("win10", "mp3", "covid19") and plain numbers stay.
     */
    static MappedText readLeetspeak(String text, int[] origin, List<String> notes) {
        // a text with two or more certain leet words is written in leet: then a number glued to letters
        // ("573p", "5734l") is read too, which alone could be a resolution or a unit ("1080p", "4k")
        boolean aggressive = countLeetWords(text) >= 2;
        MappedText out = null;
        int words = 0;
        int i = 0;
        while (i < text.length()) {
            int start = i;
            i = wordEnd(text, i);
            if (i > start && isLeet(text, start, i, aggressive)) {
                if (out == null) {
                    out = copyUpTo(text, origin, start);
                }
                for (int k = start; k < i; k++) {
                    char c = text.charAt(k);
                    out.append(isLeetChar(c) ? LEET[c] : c, at(origin, k));
                }
                words++;
            } else if (out != null) {
                for (int k = start; k < i; k++) {
                    out.append(text.charAt(k), at(origin, k));
                }
            }
            if (i < text.length()) {
                if (out != null) {
                    out.append(text.charAt(i), at(origin, i));
                }
                i++;
            }
        }
        if (out == null) {
            return null;
        }
        notes.add("read " + words + " leetspeak word(s)");
        return out;
    }

    private static int countLeetWords(String text) {
        int count = 0;
        int i = 0;
        while (i < text.length() && count < 2) {
            int start = i;
            i = wordEnd(text, i);
            if (i > start && isLeet(text, start, i, false)) {
                count++;
            }
            i++;
        }
        return count;
    }

    private static int wordEnd(String text, int i) {
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '@' || text.charAt(i) == '$')) {
            i++;
        }
        return i;
    }

    private static boolean isLeet(String text, int start, int end, boolean aggressive) {
        if (end - start < 3) {
            return false;
        }
        int letters = 0;
        int firstLetter = -1;
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (c < 0x80 && Character.isLetter(c)) {
                letters++;
                firstLetter = firstLetter < 0 ? k : firstLetter;
            } else if (!isLeetChar(c)) {
                return false; // other digits (2, 6) or non-ASCII: not a leet word
            }
        }
        if (end < text.length() && text.charAt(end) == '.' && text.substring(start, end).indexOf('@') > 0) {
            return false; // an e-mail address ("jane@example.com"), not "h@ck"
        }
        if (letters == 0 || end - start > 20 || uppercaseAfterFirst(text, start, end) >= 2) {
            return false; // identifiers, keys and codes ("AKIAIOSFODNN7EXAMPLE", "X7B9") are not leet words
        }
        if (aggressive) {
            return letters < end - start;
        }
        // a stand-in after the first letter ("b0mb", "80m8", "3xpl0s1v3"); a number with a unit or ordinal
        // ("10am", "3rd", "1080p") or a version ("win10", "mp3" end in digits after letters only) is not leet
        int lastLetter = end - 1;
        while (lastLetter >= start && !(text.charAt(lastLetter) < 0x80 && Character.isLetter(text.charAt(lastLetter)))) {
            lastLetter--;
        }
        for (int k = firstLetter + 1; k < lastLetter; k++) {
            if (isLeetChar(text.charAt(k))) {
                return true;
            }
        }
        return firstLetter > start && lastLetter < end - 1; // digits on both sides of the letters: "8om8"
    }

    private static int uppercaseAfterFirst(String text, int start, int end) {
        int count = 0;
        for (int k = start + 1; k < end; k++) {
            char c = text.charAt(k);
            if (c >= 'A' && c <= 'Z') {
                count++;
            }
        }
        return count;
    }

    // ---- spaced-out letters -----------------------------------------------------------------------------

    /** Rejoins three or more single letters separated by one space, dot, dash or underscore: "b o m b", "k.i.l.l". */
    static MappedText joinSpacedLetters(String text, int[] origin, List<String> notes) {
        MappedText out = null;
        int runs = 0;
        int i = 0;
        while (i < text.length()) {
            // cheap test first: a letter, a separator, a letter
            int end = i + 2 < text.length() && gap(text, i + 1) > 0 && isSpellingLetter(text.charAt(i))
                    ? spacedRunEnd(text, i) : -1;
            if (end > 0) {
                if (out == null) {
                    out = copyUpTo(text, origin, i);
                }
                int step = gap(text, i + 1) + 1;
                for (int k = i; k < end; k += step) {
                    out.append(text.charAt(k), at(origin, k));
                }
                runs++;
                i = end;
                continue;
            }
            if (out != null) {
                out.append(text.charAt(i), at(origin, i));
            }
            i++;
        }
        if (out == null) {
            return null;
        }
        notes.add("rejoined " + runs + " spaced-out word(s)");
        return out;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '_';
    }

    /** One-letter words ("a bomb", "y mata", "o fogo"): a run starting with one keeps it as a word of its own. */
    private static final String ONE_LETTER_WORDS = "aAIyY";

    /** The end (exclusive, at the last letter + 1) of a run of ≥ 3 separated single letters starting at i, or -1. */
    private static int spacedRunEnd(String text, int i) {
        if (!isSpellingLetter(text.charAt(i)) || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
            return -1;
        }
        if (ONE_LETTER_WORDS.indexOf(text.charAt(i)) >= 0 && i + 2 < text.length() && text.charAt(i + 1) == ' '
                && ONE_LETTER_WORDS.indexOf(text.charAt(i + 2)) < 0 && plainRunEnd(text, i + 2) > 0
                && !(i + 4 < text.length() && text.charAt(i + 2) == text.charAt(i + 4))) {
            return -1; // "a b o m b": the run starts at "b" (but "a s s a s s i n" is one word: no word starts "ss")
        }
        return plainRunEnd(text, i);
    }

    private static int plainRunEnd(String text, int i) {
        if (!isSpellingLetter(text.charAt(i)) || (i > 0 && (text.charAt(i - 1) == '\'' || text.charAt(i - 1) == '\u2019'))) {
            return -1; // the s of "someone's" starts no run
        }
        int width = gap(text, i + 1);
        if (width == 0) {
            return -1;
        }
        char separator = text.charAt(i + 1);
        int letters = 1;
        int k = i;
        while (true) {
            int next = k + 1 + width;
            if (next >= text.length() || gap(text, k + 1) != width || text.charAt(k + 1) != separator) {
                break;
            }
            boolean single = isSpellingLetter(text.charAt(next))
                    && (next + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(next + 1)));
            if (!single) {
                break;
            }
            letters++;
            k = next;
        }
        if (width == 1 && letters >= 4 && ONE_LETTER_WORDS.indexOf(text.charAt(k)) >= 0 && k + 3 < text.length()
                && text.charAt(k + 1) == ' ' && Character.isLetter(text.charAt(k + 2)) && Character.isLetter(text.charAt(k + 3))) {
            return k - 1; // "d e v e l o p a software": the a is a word of its own
        }
        return letters >= 3 ? k + 1 : -1;
    }

    /** The width of a gap of one separator char repeated (at most 3) starting at {@code at}; 0 if none. */
    private static int gap(String text, int at) {
        if (at >= text.length() || !(isSeparator(text.charAt(at)) || text.charAt(at) == '\t')) {
            return 0;
        }
        char c = text.charAt(at);
        int width = 1;
        while (at + width < text.length() && text.charAt(at + width) == c && width < 3) {
            width++;
        }
        return at + width < text.length() && text.charAt(at + width) == c ? 0 : width;
    }

    /** Runs of spaces and tabs become one space: phrases match however widely their words are set. */
    static MappedText collapseSpaces(String text, int[] origin) {
        if (!text.contains("  ") && text.indexOf('\t') < 0) {
            return null;
        }
        MappedText out = new MappedText(text.length());
        boolean previousSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t';
            if (!(space && previousSpace)) {
                out.append(space ? ' ' : c, at(origin, i));
            }
            previousSpace = space;
        }
        return out;
    }

    // ---- encoded segments -------------------------------------------------------------------------------

    /** Decodes base64, hex and URL-encoded segments (and rot13 where the text names it) and appends them. */
    static MappedText decode(String text, int[] origin, List<String> notes) {
        List<int[]> spans = new ArrayList<>();
        List<String> decoded = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        base64Segments(text, spans, decoded, kinds);
        hexSegments(text, spans, decoded, kinds);
        if (text.indexOf('%') >= 0) {
            urlEncodedSegments(text, spans, decoded, kinds);
        }
        if (mentionsRot(text) && ROT13_CUE.matcher(text).find()) {
            spans.add(new int[] {0, text.length()});
            decoded.add(rot13(text));
            kinds.add("rot13");
        }
        if (decoded.isEmpty()) {
            return null;
        }
        MappedText out = new MappedText(text.length() + 64);
        for (int k = 0; k < text.length(); k++) {
            out.append(text.charAt(k), at(origin, k));
        }
        for (int d = 0; d < decoded.size(); d++) {
            int[] span = spans.get(d);
            String plain = decoded.get(d);
            out.append(SEPARATOR, at(origin, span[0]));
            int from = at(origin, span[0]);
            int to = at(origin, span[1]);
            for (int k = 0; k < plain.length(); k++) {
                // spread the decoded chars over the encoded segment, so spans land inside it
                out.append(plain.charAt(k), from + (int) ((long) (to - from) * k / Math.max(1, plain.length())));
            }
        }
        notes.add("decoded " + decoded.size() + " encoded segment(s) (" + String.join(", ", kinds.stream().distinct().toList())
                + ") and classified them too");
        return out;
    }

    /**
     * Runs of base64 characters long enough to hold a sentence, found by one scan (a regular expression
     * with look-behind costs tens of microseconds per kilobyte, on every request).
     */
    private static void base64Segments(String text, List<int[]> spans, List<String> decoded, List<String> kinds) {
        int i = 0;
        while (i < text.length()) {
            if (!isBase64(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean digitOrUpper = false;
            while (i < text.length() && isBase64(text.charAt(i))) {
                char c = text.charAt(i);
                digitOrUpper |= (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
                i++;
            }
            int end = i;
            while (end < text.length() && end - i < 2 && text.charAt(end) == '=') {
                end++;
            }
            if (end - start >= MIN_BASE64 && digitOrUpper) {
                String plain = base64(text.substring(start, end));
                if (plain != null) {
                    spans.add(new int[] {start, end});
                    decoded.add(plain);
                    kinds.add("base64");
                }
            }
            i = end;
        }
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                || c == '-' || c == '_';
    }

    /** Runs of hex byte pairs, bare or separated by spaces or colons, or written {@code \x41} / {@code 0x41}. */
    private static void hexSegments(String text, List<int[]> spans, List<String> decoded, List<String> kinds) {
        int i = 0;
        while (i < text.length()) {
            int start = i;
            int digits = 0;
            int end = i;
            while (i < text.length()) {
                if (i + 1 < text.length() && isHex(text.charAt(i)) && isHex(text.charAt(i + 1))) {
                    digits += 2;
                    i += 2;
                    end = i;
                } else if (i + 3 < text.length() && (text.charAt(i) == '\\' || text.charAt(i) == '0')
                        && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X') && isHex(text.charAt(i + 2)) && isHex(text.charAt(i + 3))) {
                    i += 2; // a \x or 0x prefix
                } else if (digits > 0 && (text.charAt(i) == ' ' || text.charAt(i) == ':') && i + 1 < text.length()
                        && isHex(text.charAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            if (digits >= MIN_HEX_DIGITS && (end == text.length() || !isHex(text.charAt(end)))) {
                StringBuilder pairs = new StringBuilder(digits);
                for (int k = start; k < end; k++) {
                    char c = text.charAt(k);
                    boolean prefix = (c == 'x' || c == 'X') && k > start && (text.charAt(k - 1) == '\\' || text.charAt(k - 1) == '0')
                            && (k - 1 == start || !isHex(text.charAt(k - 2)) || text.charAt(k - 2) == ' ');
                    if (prefix) {
                        pairs.setLength(pairs.length() - (text.charAt(k - 1) == '0' ? 1 : 0));
                    } else if (isHex(c)) {
                        pairs.append(c);
                    }
                }
                String plain = hex(pairs.toString());
                if (plain != null) {
                    spans.add(new int[] {start, end});
                    decoded.add(plain);
                    kinds.add("hex");
                }
            }
            if (i == start) {
                i++;
            }
        }
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Whitespace-separated tokens holding two or more %XX escapes, found by one linear scan. */
    private static void urlEncodedSegments(String text, List<int[]> spans, List<String> decoded, List<String> kinds) {
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            int escapes = 0;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                if (text.charAt(i) == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                    escapes++;
                }
                i++;
            }
            if (escapes >= 2) {
                String plain = urlDecoded(text.substring(start, i));
                if (plain != null) {
                    spans.add(new int[] {start, i});
                    decoded.add(plain);
                    kinds.add("URL-encoded");
                }
            }
        }
    }

    static String base64(String segment) {
        String body = segment.replace('-', '+').replace('_', '/');
        if (body.chars().noneMatch(Character::isDigit) && body.chars().noneMatch(Character::isUpperCase)) {
            return null; // an ordinary long lower-case word, not an encoding
        }
        try {
            return readable(Base64.getDecoder().decode(pad(body.replace("=", ""))));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String pad(String body) {
        return switch (body.length() % 4) {
            case 2 -> body + "==";
            case 3 -> body + "=";
            default -> body;
        };
    }

    static String hex(String digits) {
        if (digits.length() % 2 != 0 || digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            return readable(HexFormat.of().parseHex(digits));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String urlDecoded(String segment) {
        try {
            String plain = java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            return plain.equals(segment) ? null : readable(plain.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean mentionsRot(String text) {
        for (int i = text.indexOf('o', 1); i > 0 && i + 1 < text.length(); i = text.indexOf('o', i + 1)) {
            char before = text.charAt(i - 1);
            if ((before == 'r' || before == 'R') && (text.charAt(i + 1) == 't' || text.charAt(i + 1) == 'T')) {
                return true;
            }
        }
        return text.contains("ROT");
    }

    static String rot13(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                out.append((char) ('a' + (c - 'a' + 13) % 26));
            } else if (c >= 'A' && c <= 'Z') {
                out.append((char) ('A' + (c - 'A' + 13) % 26));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Valid UTF-8 that reads as text: mostly letters, digits, punctuation and spaces, some letters. */
    private static String readable(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        if (text.length() < 4) {
            return null;
        }
        long printable = text.codePoints().filter(cp -> !Character.isISOControl(cp) || cp == '\n' || cp == '\t').count();
        long letters = text.codePoints().filter(Character::isLetter).count();
        return printable >= 0.95 * text.codePointCount(0, text.length()) && letters >= 0.5 * text.length() ? text : null;
    }

    /** The original index of char {@code index}; a {@code null} map is the identity (text not yet changed). */
    private static int at(int[] origin, int index) {
        return origin == null ? index : origin[index];
    }

    private static MappedText copyUpTo(String text, int[] origin, int end) {
        MappedText out = new MappedText(text.length());
        for (int k = 0; k < end; k++) {
            out.append(text.charAt(k), at(origin, k));
        }
        return out;
    }
}
