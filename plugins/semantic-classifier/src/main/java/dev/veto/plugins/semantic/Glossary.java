package dev.veto.plugins.semantic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One language's words in English, for a word-by-word gloss ({@link Glosser}). Read from a tab-separated file:
 * <pre>
 * # comment
 * wie kann ich	how can i        a form of up to six words (Han characters count one each) and its English
 * der	-                        "-": a word with nothing to say in English
 * ~en	-                        a suffix an unknown word may lose (also prefixes: "wal~")
 * !compounds	s n es            unknown long words may be two known ones, joined by one of these (or nothing)
 * </pre>
 * A form is written as {@link GlossWords} cuts it; the file is rejected with its line when it is not.
 */
final class Glossary {

    /** The most words a form may have. */
    static final int MAX_FORM_WORDS = 6;
    private static final String DROP = "-";
    private static final int MIN_STEM = 2;
    private static final int MIN_COMPOUND_PART = 3;
    private static final int MIN_COMPOUND = 7;

    private final String language;
    private final Map<String, String> forms;
    private final Map<String, String> prefixes;
    private final Map<String, String> suffixes;
    private final List<String> linkingElements;
    private final boolean compounds;
    private final int longestPrefix;
    private final int longestSuffix;
    private final Character.UnicodeScript script;

    private Glossary(String language, Map<String, String> forms, Map<String, String> prefixes,
                     Map<String, String> suffixes, List<String> linkingElements, boolean compounds) {
        this.language = language;
        this.forms = forms;
        this.prefixes = prefixes;
        this.suffixes = suffixes;
        this.linkingElements = linkingElements;
        this.compounds = compounds;
        this.longestPrefix = prefixes.keySet().stream().mapToInt(String::length).max().orElse(0);
        this.longestSuffix = suffixes.keySet().stream().mapToInt(String::length).max().orElse(0);
        this.script = dominantScript(forms.keySet());
    }

    /**
     * Reads a glossary file.
     *
     * @param language its language, e.g. {@code de}
     * @param reader   the file
     * @param source   its name for error messages
     * @return the glossary
     * @throws IOException              if it cannot be read
     * @throws IllegalArgumentException naming the file and line of a malformed entry
     */
    static Glossary read(String language, Reader reader, String source) throws IOException {
        Map<String, String> forms = new HashMap<>();
        Map<String, String> renderings = new HashMap<>(); // generated conjugations share their English: keep one copy
        Map<String, String> prefixes = new HashMap<>();
        Map<String, String> suffixes = new HashMap<>();
        List<String> linking = new ArrayList<>();
        boolean compounds = false;
        BufferedReader lines = new BufferedReader(reader);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 2 || fields[0].isBlank() || fields[1].isBlank()) {
                throw malformed(source, number, "expected FORM<TAB>ENGLISH");
            }
            String form = GlossWords.withSaraAm(fields[0].strip().toLowerCase(Locale.ROOT)); // as texts are read
            String english = fields[1].strip();
            if (form.equals("!compounds")) {
                compounds = true;
                linking.addAll(english.equals(DROP) ? List.of() : List.of(english.split("\\s+")));
            } else if (form.startsWith("~") || form.endsWith("~")) {
                String affix = form.replace("~", "");
                List<String> pieces = GlossWords.of(affix);
                if (pieces.size() > 1 && GlossWords.isThaiRun(affix)) {
                    continue; // an affix another JDK's Thai breaker cuts in two: never found, not wrong
                }
                if (affix.isEmpty() || pieces.size() != 1) {
                    throw malformed(source, number, "an affix is one piece of a word, e.g. ~en or wal~");
                }
                (form.startsWith("~") ? suffixes : prefixes).put(affix, english);
            } else {
                // a run of Thai is a form as written, whatever this JDK's breaker makes of it (too many pieces: never
                // found, not wrong — another JDK's dictionary may cut it otherwise)
                if (!GlossWords.isPlainWord(form) && !GlossWords.isThaiRun(form)) {
                    List<String> words = GlossWords.of(form);
                    if (words.isEmpty() || words.size() > MAX_FORM_WORDS
                            || !GlossWords.join(words, 0, words.size()).equals(form.replace('\u2019', '\''))) {
                        throw malformed(source, number, "the form '" + form + "' must be 1 to " + MAX_FORM_WORDS
                                + " words written as they are read: " + words);
                    }
                }
                forms.put(form.replace('\u2019', '\''), renderings.computeIfAbsent(english, e -> e));
            }
        }
        return new Glossary(language, forms, prefixes, suffixes, List.copyOf(linking), compounds);
    }

    private static IllegalArgumentException malformed(String source, int line, String problem) {
        return new IllegalArgumentException(source + ":" + line + ": " + problem);
    }

    /** @return the language, e.g. {@code de} */
    String language() {
        return language;
    }

    /**
     * The English of a form.
     *
     * @param form words as {@link GlossWords#join} writes them
     * @return its English ({@code -} for nothing), or null if the form is not listed
     */
    String lookUp(String form) {
        return forms.get(form);
    }

    /**
     * The English of a single word that is not listed itself: a listed word with an affix or two, or (where
     * the language builds compounds) two listed words run together.
     *
     * @param word an unlisted word
     * @return its English pieces ({@code -} pieces left out), or null if it cannot be read
     */
    List<String> derive(String word) {
        List<String> affixed = withAffixes(word);
        if (affixed != null || !compounds || word.length() < MIN_COMPOUND) {
            return affixed;
        }
        return compound(word);
    }

    private List<String> withAffixes(String word) {
        // without a prefix first, then the longest prefix first; for each, the longest suffix first
        for (int step = 0, top = Math.min(longestPrefix, word.length() - MIN_STEM); step <= top; step++) {
            int p = step == 0 ? 0 : top + 1 - step;
            String prefix = word.substring(0, p);
            if (p > 0 && !prefixes.containsKey(prefix)) {
                continue;
            }
            for (int s = Math.min(longestSuffix, word.length() - p - MIN_STEM); s >= 0; s--) {
                if (p + s == 0) {
                    continue;
                }
                String suffix = word.substring(word.length() - s);
                if (s > 0 && !suffixes.containsKey(suffix)) {
                    continue;
                }
                String stem = forms.get(word.substring(p, word.length() - s));
                if (stem != null) {
                    List<String> english = new ArrayList<>(3);
                    add(english, p > 0 ? prefixes.get(prefix) : DROP);
                    add(english, stem);
                    add(english, s > 0 ? suffixes.get(suffix) : DROP);
                    return english;
                }
            }
        }
        return null;
    }

    /** Two parts, the second (the compound's head) as long as possible: "nagelbombe" is nail + bomb. */
    private List<String> compound(String word) {
        for (int split = MIN_COMPOUND_PART; split <= word.length() - MIN_COMPOUND_PART; split++) {
            String head = word.substring(split);
            List<String> headEnglish = listedOrAffixed(head);
            if (headEnglish == null) {
                continue;
            }
            String modifier = word.substring(0, split);
            List<String> modifierEnglish = listedOrAffixed(modifier);
            for (int i = 0; modifierEnglish == null && i < linkingElements.size(); i++) {
                String link = linkingElements.get(i);
                if (modifier.endsWith(link) && modifier.length() - link.length() >= MIN_COMPOUND_PART) {
                    modifierEnglish = listedOrAffixed(modifier.substring(0, modifier.length() - link.length()));
                }
            }
            if (modifierEnglish != null) {
                List<String> english = new ArrayList<>(modifierEnglish);
                english.addAll(headEnglish);
                return english;
            }
        }
        return null;
    }

    private List<String> listedOrAffixed(String word) {
        String english = forms.get(word);
        if (english != null) {
            List<String> listed = new ArrayList<>(1);
            add(listed, english);
            return listed;
        }
        return withAffixes(word);
    }

    private static void add(List<String> english, String piece) {
        if (!piece.equals(DROP)) {
            english.add(piece);
        }
    }

    /** @return the script most of its forms are written in */
    Character.UnicodeScript script() {
        return script;
    }

    private static Character.UnicodeScript dominantScript(Iterable<String> forms) {
        Map<Character.UnicodeScript, Integer> counts = new HashMap<>();
        for (String form : forms) {
            form.codePoints().filter(Character::isLetter).findFirst()
                    .ifPresent(c -> counts.merge(Character.UnicodeScript.of(c), 1, Integer::sum));
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(Character.UnicodeScript.UNKNOWN);
    }

    /** @return how many forms it lists */
    int size() {
        return forms.size();
    }
}
