package dev.veto.plugins.semantic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a text has one of a list's cues, in any of the languages the list covers: a word that mentions a minor
 * (a child, a teenager, a pupil, an age: {@code minors.txt}), a phrase of someone who protects a child (a red flag,
 * a report: {@code protective.txt}). The sentence encoder reads sexual words, secrecy and family words alike; the
 * classifier asks these lists before it lets its child-exploitation reading speak.
 *
 * <p>A cue list has one cue a line; {@code #} starts a comment. Case is ignored. A cue of a spaced script matches
 * whole words, and a {@code *} at its start or end opens that side to a longer word ({@code child*}: children,
 * childhood). A cue with Han, kana, Hangul or Thai letters matches inside words, where particles attach ("아이를"). A
 * cue in Arabic letters matches a word made of it and the clitics a noun takes — و/ف, then ب/ك/ل, then ال/ل before
 * it, a pronoun or plural ending after it, ة written ت before one ("لابنتي", "للأطفال", "طالبتي") — but not inside
 * another word, and takes no {@code *}: "ولد" (boy) is not in "يولد" (is born), "صبي" not in "عصبي" (nervous),
 * "طالب" (student) not in "يطالب" (demands). {@code <n>} is a number of one to three digits in any script ("14",
 * "١٤") and {@code <age>} one from 1 to 17 in ASCII digits; either may be followed by a space or a hyphen
 * ({@code <age> yo}: "14yo", "14 yo", "14-yo"). Immutable and thread-safe.
 */
final class CueList {

    private static final String NUMBER = "<n>";
    private static final String AGE = "<age>";
    private static final String NOT_WORD = "[\\p{L}\\p{N}]";
    /** The proclitics of an Arabic noun: a conjunction, a preposition, the article (ل + ال is written لل). */
    private static final String ARABIC_BEFORE = "(?:[وف])?(?:[بكل])?(?:ال|ل)?";
    /** A pronoun suffix or a dual or plural ending. */
    private static final String ARABIC_AFTER = "(?:ي|ك|ه|ها|هم|هما|هن|كم|كما|كن|نا|ات|ين|ون|ان|ا)?";

    private final Pattern pattern;

    private CueList(Pattern pattern) {
        this.pattern = pattern;
    }

    /**
     * Reads a cue list.
     *
     * @param reader the list
     * @param origin where it comes from, for errors
     * @return its cues
     * @throws IOException              if it cannot be read
     * @throws IllegalArgumentException if it has no cue, or a cue is malformed
     */
    static CueList read(Reader reader, String origin) throws IOException {
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
     * The cues of a list. They are grouped by which of their ends must stand apart from other letters, so
     * that each group checks the word boundary once rather than every cue at every character.
     *
     * @param cues   the cues
     * @param origin where they come from, for errors
     * @return one matcher for all of them
     * @throws IllegalArgumentException if a cue has no letters, a {@code *} inside it, or an Arabic cue has one
     */
    static CueList of(List<String> cues, String origin) {
        List<List<String>> groups = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        for (String written : cues) {
            String cue = Normalizer.normalize(written, Normalizer.Form.NFKC); // as the host hands texts over
            boolean openStart = cue.startsWith("*");
            boolean openEnd = cue.length() > 1 && cue.endsWith("*");
            String body = cue.substring(openStart ? 1 : 0, cue.length() - (openEnd ? 1 : 0));
            if (body.replace(NUMBER, "").replace(AGE, "").codePoints().noneMatch(Character::isLetter)
                    || body.contains("*")) {
                throw new IllegalArgumentException(origin + ": a cue needs letters and may have a * only at its ends,"
                        + " was '" + written + "'");
            }
            if (body.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)) {
                if (openStart || openEnd) { // it would be ignored: an Arabic cue already takes a noun's clitics
                    throw new IllegalArgumentException(origin + ": an Arabic cue takes a noun's clitics and endings"
                            + " by itself and no *, was '" + written + "'");
                }
                groups.get(4).add(arabicRegex(body));
                continue;
            }
            boolean inWords = body.codePoints().anyMatch(CueList::attachesToWords);
            // 0: both ends closed, 1: open end, 2: open start, 3: open both (or inside words), 4: Arabic
            int group = inWords ? 3 : (openStart ? 2 : 0) + (openEnd ? 1 : 0);
            groups.get(group).add(toRegex(body));
        }
        List<String> alternatives = new ArrayList<>();
        addGroup(alternatives, groups.get(0), "(?<!" + NOT_WORD + ")", "(?!" + NOT_WORD + ")");
        addGroup(alternatives, groups.get(1), "(?<!" + NOT_WORD + ")", "");
        addGroup(alternatives, groups.get(2), "", "(?!" + NOT_WORD + ")");
        addGroup(alternatives, groups.get(3), "", "");
        addGroup(alternatives, groups.get(4), "(?<!" + NOT_WORD + ")" + ARABIC_BEFORE,
                ARABIC_AFTER + "(?!" + NOT_WORD + ")");
        return new CueList(Pattern.compile(String.join("|", alternatives),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS));
    }

    /** An Arabic cue's expression; ة is written ت before a suffix (طالبة, طالبتي). */
    private static String arabicRegex(String body) {
        return body.endsWith("ة") ? toRegex(body.substring(0, body.length() - 1)) + "(?:ة|ت)" : toRegex(body);
    }

    private static void addGroup(List<String> alternatives, List<String> bodies, String before, String after) {
        if (!bodies.isEmpty()) {
            alternatives.add(before + "(?:" + String.join("|", bodies) + ")" + after);
        }
    }

    /** The merged cues of this list and another. */
    CueList and(CueList other) {
        return new CueList(Pattern.compile(pattern.pattern() + "|" + other.pattern.pattern(), pattern.flags()));
    }

    /**
     * Whether the text has a cue of this list.
     *
     * @param text any text
     * @return whether one of the cues is in it
     */
    boolean in(CharSequence text) {
        return pattern.matcher(text).find();
    }

    private static String toRegex(String body) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            String number = body.startsWith(NUMBER, i) ? NUMBER : body.startsWith(AGE, i) ? AGE : null;
            if (number != null) {
                // not part of a longer number: "2024yo" is no age, nor "30" an age under 18
                regex.append("(?<!\\p{Nd})").append(number == NUMBER ? "\\p{Nd}{1,3}" : "(?:1[0-7]|0?[1-9])")
                        .append("(?!\\p{Nd})[ \\-]?");
                i += number.length();
                if (i < body.length() && (body.charAt(i) == ' ' || body.charAt(i) == '-')) {
                    i++; // "<n> yo" and "<n>yo" alike
                }
            } else if (body.charAt(i) == ' ') {
                regex.append("\\s+");
                i++;
            } else {
                int end = i;
                while (end < body.length() && body.charAt(end) != ' ' && !body.startsWith(NUMBER, end)
                        && !body.startsWith(AGE, end)) {
                    end++;
                }
                regex.append(Pattern.quote(body.substring(i, end)));
                i = end;
            }
        }
        return regex.toString();
    }

    /** Scripts written without spaces, or with particles and clitics attached to the word. */
    private static boolean attachesToWords(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.THAI;
    }
}
