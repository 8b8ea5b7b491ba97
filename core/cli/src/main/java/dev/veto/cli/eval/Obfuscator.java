package dev.veto.cli.eval;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * The project's own generator of obfuscated variants — what users write to slip a request past a filter:
 * look-alike letters from other scripts, invisible characters, spaced-out letters, leetspeak, the request
 * encoded in base64, and mixed scripts. Deterministic: the same prompt id always gives the same variant,
 * so runs are comparable.
 */
public final class Obfuscator {

    /** Latin letters and a Cyrillic or Greek letter drawn the same. */
    private static final Map<Character, Character> HOMOGLYPHS = Map.ofEntries(
            Map.entry('a', 'а'), Map.entry('c', 'с'), Map.entry('e', 'е'), Map.entry('i', 'і'), Map.entry('j', 'ј'),
            Map.entry('o', 'о'), Map.entry('p', 'р'), Map.entry('s', 'ѕ'), Map.entry('x', 'х'), Map.entry('y', 'у'),
            Map.entry('A', 'Α'), Map.entry('B', 'Β'), Map.entry('E', 'Ε'), Map.entry('H', 'Η'), Map.entry('K', 'Κ'),
            Map.entry('M', 'Μ'), Map.entry('O', 'Ο'), Map.entry('P', 'Ρ'), Map.entry('T', 'Τ'), Map.entry('X', 'Χ'));
    private static final Map<Character, Character> LEET = Map.of('a', '4', 'e', '3', 'i', '1', 'o', '0', 's', '5',
            't', '7', 'b', '8', 'g', '9');
    private static final char[] INVISIBLE = {'\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'};

    private static final Map<String, BiFunction<String, Random, String>> TRANSFORMS = Map.of(
            "homoglyphs", Obfuscator::homoglyphs,
            "zero-width", Obfuscator::zeroWidth,
            "spacing", Obfuscator::spacing,
            "leetspeak", Obfuscator::leetspeak,
            // a neutral wrapper: an instruction to decode and obey would be caught as a prompt attack on its own,
            // and would say nothing about whether the encoded request itself is recognised
            "base64", (text, random) -> "My question, in base64: "
                    + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)),
            "mixed-scripts", Obfuscator::mixedScripts);

    /** The transforms, in report order. */
    public static final List<String> NAMES = List.of("homoglyphs", "zero-width", "spacing", "leetspeak", "base64",
            "mixed-scripts");

    private Obfuscator() {
    }

    /**
     * One obfuscated variant of a prompt.
     *
     * @param prompt    the clean prompt
     * @param transform one of {@link #NAMES}
     * @return the variant, id {@code <id>~<transform>}
     */
    public static LabelledPrompt apply(LabelledPrompt prompt, String transform) {
        BiFunction<String, Random, String> function = TRANSFORMS.get(transform);
        if (function == null) {
            throw new IllegalArgumentException("unknown obfuscation '" + transform + "'; known: " + NAMES);
        }
        Random random = new Random(prompt.id().hashCode() * 31L + transform.hashCode());
        return prompt.variant(transform, function.apply(prompt.prompt(), random));
    }

    /** About half the letters that have a look-alike become it. */
    static String homoglyphs(String text, Random random) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            Character glyph = HOMOGLYPHS.get(c);
            out.append(glyph != null && random.nextBoolean() ? glyph : c);
        }
        return out.toString();
    }

    /** Invisible characters inside the words of four letters or more. */
    static String zeroWidth(String text, Random random) {
        return eachLongWord(text, word -> {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < word.length(); i++) {
                out.append(word.charAt(i));
                if (i < word.length() - 1 && random.nextInt(3) == 0) {
                    out.append(INVISIBLE[random.nextInt(INVISIBLE.length)]);
                }
            }
            return out.toString();
        });
    }

    /**
     * Half the long words spelled out letter by letter: "b o m b". A spelled-out word is set apart from its
     * neighbours by a wider gap, as a person writing it would ("m a k e  a  b o m b"), or nobody could read
     * where one word ends.
     */
    static String spacing(String text, Random random) {
        java.util.regex.Matcher words = java.util.regex.Pattern.compile("\\p{L}+").matcher(text);
        List<String> parts = new java.util.ArrayList<>(); // alternating gap, word, gap, word, …, gap
        List<Boolean> spaced = new java.util.ArrayList<>();
        int last = 0;
        while (words.find()) {
            parts.add(text.substring(last, words.start()));
            String word = words.group();
            boolean spell = word.length() >= 4 && random.nextBoolean();
            parts.add(spell ? String.join(" ", word.split("")) : word);
            spaced.add(spell);
            last = words.end();
        }
        parts.add(text.substring(last));
        StringBuilder out = new StringBuilder(text.length() * 2);
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (i % 2 == 0) { // a gap between word i/2 - 1 and word i/2
                boolean nextToSpelled = (i / 2 - 1 >= 0 && spaced.get(i / 2 - 1)) || (i / 2 < spaced.size() && spaced.get(i / 2));
                out.append(nextToSpelled && part.equals(" ") ? "  " : part);
            } else {
                out.append(part);
            }
        }
        return out.toString();
    }

    /** Letters with a digit look-alike become it in most long words: "h4ck", "3xpl051v3". */
    static String leetspeak(String text, Random random) {
        return eachLongWord(text, word -> {
            if (random.nextInt(4) == 0) {
                return word;
            }
            StringBuilder out = new StringBuilder(word.length());
            for (char c : word.toCharArray()) {
                Character digit = LEET.get(Character.toLowerCase(c));
                out.append(digit != null ? digit : c);
            }
            return out.toString();
        });
    }

    /** Words alternate between look-alike letters and fullwidth forms: two scripts, one reading. */
    static String mixedScripts(String text, Random random) {
        int[] index = {0};
        return eachLongWord(text, word -> {
            if (index[0]++ % 2 == 0) {
                return homoglyphs(word, random);
            }
            StringBuilder out = new StringBuilder(word.length());
            for (char c : word.toCharArray()) {
                out.append(c >= '!' && c <= '~' ? (char) (c - '!' + '\uFF01') : c);
            }
            return out.toString();
        });
    }

    private static String eachLongWord(String text, java.util.function.UnaryOperator<String> change) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        int i = 0;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                String word = text.substring(start, i);
                out.append(word.length() >= 4 ? change.apply(word) : word);
            }
            if (i < text.length()) {
                out.append(text.charAt(i));
                i++;
            }
        }
        return out.toString();
    }
}
