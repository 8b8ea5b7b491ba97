package dev.veto.plugins.semantic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a text mentions a minor — a child, a teenager, a pupil, a son or daughter, an age — in any of the
 * languages its cue list covers. Child sexual exploitation is about minors; the sentence encoder reads
 * sexual words, secrecy and family words alike and named that category for texts with no minor in them
 * ("sorry, I mistyped: it's 30, not 13", a trip with one's parents), so the classifier asks this before it
 * reports the category.
 *
 * <p>A cue list has one cue a line; {@code #} starts a comment. Case is ignored. A cue of a spaced script
 * matches whole words, and a {@code *} at its start or end opens that side to a longer word ({@code child*}:
 * children, childhood). A cue with Han, kana, Hangul, Thai or Arabic letters matches inside words, where
 * particles and clitics attach ("아이를", "لابنتي"). {@code <n>} is a number of one to three digits in any
 * script ("14", "١٤"), which may be followed by a space or a hyphen ({@code <n> yo}: "14yo", "14 yo",
 * "14-yo"). Immutable and thread-safe.
 */
final class MinorMentions {

    private static final String NUMBER = "<n>";

    private final Pattern pattern;

    private MinorMentions(Pattern pattern) {
        this.pattern = pattern;
    }

    /**
     * Reads a cue list.
     *
     * @param reader the list
     * @param origin where it comes from, for errors
     * @return its cues
     * @throws IOException              if it cannot be read
     * @throws IllegalArgumentException if it has no cue, or a cue is a bare {@code *} or {@code <n>}
     */
    static MinorMentions read(Reader reader, String origin) throws IOException {
        List<String> cues = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        while ((line = lines.readLine()) != null) {
            String cue = line.strip();
            if (!cue.isEmpty() && !cue.startsWith("#")) {
                cues.add(cue);
            }
        }
        if (cues.isEmpty()) {
            throw new IllegalArgumentException(origin + ": no cue");
        }
        return of(cues, origin);
    }

    /**
     * The cues of several lists together.
     *
     * @param cues   the cues
     * @param origin where they come from, for errors
     * @return one matcher for all of them
     */
    static MinorMentions of(List<String> cues, String origin) {
        StringBuilder regex = new StringBuilder();
        for (String cue : cues) {
            String body = cue.replace("*", "").replace(NUMBER, "").strip();
            if (body.isEmpty()) {
                throw new IllegalArgumentException(origin + ": a cue needs letters, was '" + cue + "'");
            }
            if (regex.length() > 0) {
                regex.append('|');
            }
            regex.append(toRegex(cue));
        }
        return new MinorMentions(Pattern.compile(regex.toString(),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS));
    }

    /** The merged cues of this list and another. */
    MinorMentions and(MinorMentions other) {
        return new MinorMentions(Pattern.compile(pattern.pattern() + "|" + other.pattern.pattern(), pattern.flags()));
    }

    /**
     * Whether the text mentions a minor.
     *
     * @param text any text
     * @return whether one of the cues is in it
     */
    boolean in(CharSequence text) {
        return pattern.matcher(text).find();
    }

    private static String toRegex(String cue) {
        boolean inWords = cue.codePoints().anyMatch(MinorMentions::attachesToWords);
        boolean openStart = cue.startsWith("*");
        boolean openEnd = cue.endsWith("*");
        String body = cue.substring(openStart ? 1 : 0, cue.length() - (openEnd && cue.length() > 1 ? 1 : 0));
        StringBuilder regex = new StringBuilder("(?:");
        if (!inWords) {
            regex.append(openStart ? "\\p{L}*" : "(?<![\\p{L}\\p{N}])");
        }
        int i = 0;
        while (i < body.length()) {
            if (body.startsWith(NUMBER, i)) {
                regex.append("\\p{Nd}{1,3}[ \\-]?");
                i += NUMBER.length();
                if (i < body.length() && (body.charAt(i) == ' ' || body.charAt(i) == '-')) {
                    i++; // "<n> yo" and "<n>yo" alike
                }
            } else if (body.charAt(i) == ' ') {
                regex.append("\\s+");
                i++;
            } else {
                int end = i;
                while (end < body.length() && body.charAt(end) != ' ' && !body.startsWith(NUMBER, end)) {
                    end++;
                }
                regex.append(Pattern.quote(body.substring(i, end)));
                i = end;
            }
        }
        if (!inWords) {
            regex.append(openEnd ? "\\p{L}*" : "(?![\\p{L}\\p{N}])");
        }
        return regex.append(')').toString();
    }

    /** Scripts written without spaces, or with particles and clitics attached to the word. */
    private static boolean attachesToWords(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.THAI || script == Character.UnicodeScript.ARABIC;
    }
}
