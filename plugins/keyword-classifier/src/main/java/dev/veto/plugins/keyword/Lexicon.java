package dev.veto.plugins.keyword;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads lexicon files: UTF-8, one entry a line, tab-separated {@code kind category weight phrase}; blank
 * lines and lines starting with {@code #} are skipped. A phrase may offer alternatives in parentheses, each
 * group standing for one of its parts ({@code how (do|can) i (find|detect) hidden cameras} is four
 * phrases; an empty part leaves words out: {@code in (my |)hotel room}). A malformed line fails with its file
 * and line.
 */
final class Lexicon {

    private Lexicon() {
    }

    static List<LexiconEntry> read(String source, InputStream in) throws IOException {
        List<LexiconEntry> entries = new ArrayList<>();
        String language = languageOf(source);
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                entries.addAll(parse(source + ":" + number, line, language));
            }
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(source + ": not valid UTF-8", e);
        }
        return entries;
    }

    /** {@code it} for {@code lexicon/it.tsv}; empty for a file not named by a two- or three-letter code. */
    static String languageOf(String source) {
        String name = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).toLowerCase(Locale.ROOT);
        return stem.matches("[a-z]{2,3}") ? stem : "";
    }

    /**
     * A {@code *} may open a phrase's first word to a longer word's end or its last word to a longer word's
     * start ({@code bombe*}: Bomben, Bombenbau; {@code *bombe}: Nagelbombe). The fixed part must stay long
     * enough to mean something, and unspaced scripts match inside words anyway.
     */
    private static void checkWildcards(String where, String written) {
        String phrase = KeywordMatcher.withoutClauseEnd(written);
        if (phrase.isBlank() || phrase.indexOf(KeywordMatcher.CLAUSE_END) >= 0) {
            throw new IllegalArgumentException(where + ": '$' may only end a phrase or its half: " + written);
        }
        String fixed = KeywordMatcher.withoutWildcards(phrase);
        if (fixed.contains("*")) {
            throw new IllegalArgumentException(where + ": '*' may only open the start or the end of a phrase: " + phrase);
        }
        if (fixed.length() == phrase.length()) {
            return;
        }
        if (KeywordMatcher.isUnspaced(fixed)) {
            throw new IllegalArgumentException(where + ": '*' is for spaced scripts; '" + fixed + "' already matches inside words");
        }
        if (fixed.strip().codePointCount(0, fixed.strip().length()) < KeywordMatcher.MIN_OPEN_STEM) {
            throw new IllegalArgumentException(where + ": a phrase with '*' needs at least " + KeywordMatcher.MIN_OPEN_STEM
                    + " letters, or it matches too many words: " + phrase);
        }
    }

    /**
     * A number range ({@code {0-800} calories}) is well formed, one in a phrase or in each half of one, with words
     * at each end that a {@code *} or {@code $} belongs to.
     */
    private static void checkNumberRange(String where, String half) {
        String phrase = KeywordMatcher.withoutClauseEnd(half);
        Optional<NumberSlot> slot;
        try {
            slot = NumberSlot.in(KeywordMatcher.withoutWildcards(phrase));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        if (slot.isEmpty()) {
            return;
        }
        boolean endsInNumber = slot.get().after().isEmpty();
        if (endsInNumber && (KeywordMatcher.endsClause(half) || phrase.endsWith("*"))
                || slot.get().before().isEmpty() && phrase.startsWith("*")) {
            throw new IllegalArgumentException(where + ": '*' and '$' belong to words, not to a number range: " + half);
        }
    }

    /** The most phrases one line's alternatives may stand for: a longer list is a list to write out. */
    static final int MAX_ALTERNATIVES = 64;

    /**
     * Every phrase a line's alternatives stand for, in order, spaces collapsed ({@code how (do|can) i}: "how do
     * i", "how can i").
     */
    static List<String> alternatives(String where, String phrase) {
        List<String> phrases = new ArrayList<>(List.of(""));
        int at = 0;
        while (at < phrase.length()) {
            int open = phrase.indexOf('(', at);
            int close = phrase.indexOf(')', at);
            if (open < 0) {
                if (close >= 0) {
                    throw new IllegalArgumentException(where + ": ')' without '(': " + phrase);
                }
                append(phrases, List.of(phrase.substring(at)));
                break;
            }
            if (close >= 0 && close < open) {
                throw new IllegalArgumentException(where + ": ')' without '(': " + phrase);
            }
            int nested = phrase.indexOf('(', open + 1);
            if (close < 0 || nested >= 0 && nested < close) {
                throw new IllegalArgumentException(where + ": '(' must close with ')' before another opens: " + phrase);
            }
            String group = phrase.substring(open + 1, close);
            if (group.indexOf('|') < 0) {
                throw new IllegalArgumentException(where + ": parentheses hold alternatives separated by '|': " + phrase);
            }
            append(phrases, List.of(phrase.substring(at, open)));
            append(phrases, List.of(group.split("\\|", -1)));
            if (phrases.size() > MAX_ALTERNATIVES) {
                throw new IllegalArgumentException(where + ": the alternatives stand for more than " + MAX_ALTERNATIVES
                        + " phrases; write them out: " + phrase);
            }
            at = close + 1;
        }
        List<String> out = new ArrayList<>(phrases.size());
        for (String p : phrases) {
            String collapsed = p.strip().replaceAll("\\s+", " ");
            if (collapsed.isEmpty()) {
                throw new IllegalArgumentException(where + ": an alternative leaves the phrase empty: " + phrase);
            }
            out.add(collapsed);
        }
        return out;
    }

    private static void append(List<String> phrases, List<String> parts) {
        List<String> grown = new ArrayList<>(phrases.size() * parts.size());
        for (String head : phrases) {
            for (String part : parts) {
                grown.add(head + part);
            }
        }
        phrases.clear();
        phrases.addAll(grown);
    }

    private static List<LexiconEntry> parse(String where, String line, String language) {
        String[] fields = line.split("\t");
        if (fields.length != 4) {
            throw new IllegalArgumentException(where + ": expected 4 tab-separated fields (kind, category, weight, phrase), found " + fields.length);
        }
        LexiconEntry.Kind kind;
        try {
            kind = LexiconEntry.Kind.valueOf(fields[0].strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown kind '" + fields[0] + "' (harm, intent, benign, action or target)");
        }
        String category = fields[1].strip();
        // a harm, an action or a target names its category; a target for every category would make every
        // action count wherever any target stood
        boolean ownCategory = kind == LexiconEntry.Kind.HARM || kind == LexiconEntry.Kind.ACTION
                || kind == LexiconEntry.Kind.TARGET;
        if (category.isEmpty() || (ownCategory && category.equals(LexiconEntry.ANY))) {
            throw new IllegalArgumentException(where + ": a " + kind.name().toLowerCase(Locale.ROOT) + " entry needs a category");
        }
        double weight;
        try {
            weight = Double.parseDouble(fields[2].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": weight '" + fields[2] + "' is not a number");
        }
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException(where + ": weight " + weight + " is outside [0, 1]");
        }
        String written = Normalizer.normalize(fields[3].strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (written.isEmpty()) {
            throw new IllegalArgumentException(where + ": empty phrase");
        }
        List<LexiconEntry> entries = new ArrayList<>();
        for (String phrase : alternatives(where, written)) {
            entries.add(entry(where, kind, category, weight, phrase, language));
        }
        return entries;
    }

    private static LexiconEntry entry(String where, LexiconEntry.Kind kind, String category, double weight,
                                      String phrase, String language) {
        List<String> halves;
        try {
            halves = KeywordMatcher.halves(phrase);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        for (String half : halves) {
            checkWildcards(where, half);
            checkNumberRange(where, half);
        }
        return new LexiconEntry(kind, category, weight, phrase, where, language);
    }
}
