package dev.veto.plugins.keyword;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds every lexicon phrase in a text in one pass (Aho-Corasick over a double-array trie), however many phrases
 * there are. Phrases of space-separated scripts match whole words only ("meth" does not match "method"; digits
 * belong to their word and number, so "500 calories" is not in "1,500 calories") unless a {@code *} opens one side
 * of the phrase ({@code bombe*} matches "Bomben" and "Bombenbau", {@code *bombe} "Nagelbombe": inflection and
 * compounds), and a match then covers the whole word; phrases with CJK or Thai characters, written without spaces,
 * match anywhere. Writers of Vietnamese, Spanish, French, Italian and Portuguese often leave the accents out ("cach
 * lam bom" for "cách làm bom"): their phrases also match a spelling without them where the text is written that way
 * (all ASCII); a short single word ("giet") only beside a longer unaccented phrase of its language ("ma khong bi
 * phat hien"), as alone it could be another language's word ("sung" for "súng", a gun). A phrase of two halves
 * joined by {@code ~} matches both halves in either order with at most {@value #MAX_GAP} characters between them
 * ({@code leiche ~ entsorg*}: "eine Leiche entsorgen" and "Wie entsorge ich eine Leiche?" — languages that move the
 * verb). A phrase (or half) ending in {@code $} matches only at the end of a clause — before punctuation or the end
 * of the text — which is where German puts a separable verb's particle ({@code bring* ~ um$}: "Wie bringe ich ihn
 * um?", not "Ich bringe ihn um 8 Uhr hin"). Case is ignored: text and phrases are lower-cased char by char, which
 * keeps every index where it was. Immutable and thread-safe. English is often typed without its apostrophes
 * ("doesnt remember", "a girls drink"): an English phrase of several words with one also matches that
 * spelling. A phrase (or each half of one) may hold one number range ({@code {0-800} calories a day},
 * {@link NumberSlot}): it matches a number in that range there, written in any digits, with or without a space
 * before the words beside it.
 */
final class KeywordMatcher {

    /**
     * A phrase found in the text: {@code [start, end)} in UTF-16 indices; {@code unaccented} when the text
     * spelled it without its accents.
     */
    record Match(LexiconEntry entry, int start, int end, boolean unaccented) {

        /** Characters between two matches; 0 when they touch or overlap. */
        int distanceTo(Match other) {
            return Math.max(0, Math.max(start, other.start) - Math.min(end, other.end));
        }

        /** Whether this match lies inside a longer one ("偷" inside "偷偷", secretly). */
        boolean isPartOf(Match other) {
            return other.start <= start && end <= other.end && other.end - other.start > end - start;
        }
    }

    /** The fewest characters a phrase opened by {@code *} must keep. */
    static final int MIN_OPEN_STEM = 4;

    private static final char WILDCARD = '*';

    /**
     * One entry of a phrase: which of its ends may run on into a longer word, and whether the match then
     * covers that word (for a phrase opened by {@code *}; an unspaced script's phrase is open on both ends
     * and covers itself).
     */
    private record Form(LexiconEntry entry, boolean openStart, boolean openEnd, boolean coversWord, boolean unaccented,
                        boolean needsCompany, int half, boolean endsClause, NumberSlot number, SecondHalves seconds) {

        /** The same form for a phrase with a number range, looked up by its words on one side of the number. */
        Form with(NumberSlot slot) {
            return new Form(entry, openStart, openEnd, coversWord, unaccented, needsCompany, half, endsClause, slot,
                    seconds);
        }
    }

    /**
     * Where the second half of an either-order phrase is filed (one group or a few: apostrophes, a number range),
     * shared by the forms of its first half: a first half found is joined only where one of these was hit.
     */
    private static final class SecondHalves {
        private final List<Forms> filedUnder = new ArrayList<>(1);

        boolean anyHit(Set<Forms> hit) {
            for (Forms forms : filedUnder) {
                if (hit.contains(forms)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The forms filed under one phrase, with what their ends allow precomputed: most places a short phrase
     * occurs in prose are inside a longer word ("an" in "planning"), and a hit no form there can take is
     * dropped without reading each form.
     */
    private static final class Forms {
        private final List<Form> whole = new ArrayList<>(1);
        private final List<Form> firstHalves = new ArrayList<>(0);
        private final List<Form> secondHalves = new ArrayList<>(0);
        private boolean anyOpenStart;
        private boolean anyOpenEnd;

        void add(Form form) {
            (form.half() < 0 ? whole : form.half() == 0 ? firstHalves : secondHalves).add(form);
            anyOpenStart |= form.openStart();
            anyOpenEnd |= form.openEnd();
        }

        boolean hasHalves() {
            return !firstHalves.isEmpty() || !secondHalves.isEmpty();
        }

        /** Whether some form may match where the phrase does or does not start and end a word. */
        boolean admit(boolean startsWord, boolean endsWord) {
            return (startsWord || anyOpenStart) && (endsWord || anyOpenEnd);
        }
    }

    /**
     * Where a phrase with halves filed under it was found — once for all its forms: a common word is half of
     * many expanded phrases ("children" of 24), and a match for each form of each hit cost as much as the scan.
     */
    private record HalfHit(Forms forms, int begin, int end, boolean startsWord, boolean endsWord) {
    }

    /** What joins the two halves of a phrase that may come in either order. */
    static final char EITHER_ORDER = '~';

    /** What ends a phrase that must end its clause. */
    static final char CLAUSE_END = '$';

    /** How many characters may lie between the two halves of an either-order phrase. */
    static final int MAX_GAP = 40;

    /**
     * Languages whose writers often leave out apostrophes: English ("wont", "girls drink"); not French, where
     * taking the elision's apostrophe out makes another word ("l'arme", the weapon, is "larme", a tear).
     */
    private static final Set<String> APOSTROPHE_DROPPING_LANGUAGES = Set.of("en");

    /** Languages that group a number's thousands with a space ("1 500 calories"). */
    private static final Set<String> SPACE_GROUPING_LANGUAGES = Set.of("fr", "de", "es", "it", "pt", "ru", "sv", "pl", "nl");

    /** Languages whose writers often type without accents. */
    private static final Set<String> UNACCENTED_LANGUAGES = Set.of("vi", "es", "fr", "it", "pt");

    /**
     * An unaccented single word shorter than this could be a word of another language ("súng", a gun, is
     * "sung"): it counts only in company; phrases of two words or more are distinctive at any length.
     */
    private static final int MIN_UNACCENTED_WORD = 6;

    /** All phrases' forms by key; null without phrases. */
    private final PackedAutomaton<Forms> automaton;

    KeywordMatcher(Collection<LexiconEntry> entries) {
        TreeMap<String, Forms> phrases = new TreeMap<>();
        for (LexiconEntry entry : entries) {
            List<String> halves = halves(lowerCase(entry.phrase()));
            SecondHalves seconds = halves.size() == 1 ? null : new SecondHalves();
            for (int h = 0; h < halves.size(); h++) {
                add(phrases, entry, halves.get(h), halves.size() == 1 ? -1 : h, seconds);
            }
        }
        this.automaton = phrases.isEmpty() ? null : PackedAutomaton.of(phrases);
    }

    /** Adds a phrase (or one half of an either-order phrase) and, where its language is often typed so, its unaccented form. */
    private static void add(TreeMap<String, Forms> phrases, LexiconEntry entry, String written, int half,
                            SecondHalves seconds) {
        boolean endsClause = endsClause(written);
        String phrase = withoutClauseEnd(written);
        String fixed = withoutWildcards(phrase);
        boolean unspaced = isUnspaced(fixed);
        boolean openStart = unspaced || phrase.charAt(0) == WILDCARD;
        boolean openEnd = unspaced || phrase.charAt(phrase.length() - 1) == WILDCARD;
        Form form = new Form(entry, openStart, openEnd, !unspaced, false, false, half, endsClause, null, seconds);
        put(phrases, fixed, form);
        String bare = withoutApostrophes(fixed);
        // phrases of words only: a single word without its apostrophe is often another word ("victim's"
        // would match every "victims", "he'll" every "hell")
        if (APOSTROPHE_DROPPING_LANGUAGES.contains(entry.language()) && !bare.equals(fixed) && bare.strip().contains(" ")) {
            put(phrases, bare, form);
        }
        if (half < 0 && !unspaced && UNACCENTED_LANGUAGES.contains(entry.language())) {
            String plain = withoutAccents(fixed);
            if (!plain.equals(fixed)) {
                boolean distinctive = plain.strip().contains(" ") || plain.length() >= MIN_UNACCENTED_WORD;
                put(phrases, plain, new Form(entry, openStart, openEnd, true, true, !distinctive, half, endsClause,
                        null, null));
            }
        }
    }

    /** Files a form under its phrase or, for a phrase with a number range, under its words beside the number. */
    private static void put(TreeMap<String, Forms> phrases, String phrase, Form form) {
        Optional<NumberSlot> number = NumberSlot.in(phrase);
        String key = number.map(NumberSlot::key).orElse(phrase);
        Forms forms = phrases.computeIfAbsent(key, p -> new Forms());
        forms.add(number.map(form::with).orElse(form));
        if (form.half() == 1 && !form.seconds().filedUnder.contains(forms)) {
            form.seconds().filedUnder.add(forms);
        }
    }

    /**
     * A phrase's halves: itself alone, or the two sides of {@link #EITHER_ORDER}, stripped.
     *
     * @throws IllegalArgumentException if a half is empty or there are more than two
     */
    static List<String> halves(String phrase) {
        if (phrase.indexOf(EITHER_ORDER) < 0) {
            return List.of(phrase);
        }
        String[] parts = phrase.split(String.valueOf(EITHER_ORDER), -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("'~' joins exactly two non-empty halves: " + phrase);
        }
        return List.of(parts[0].strip(), parts[1].strip());
    }

    /** Whether a phrase (or half) must end its clause: it ends in {@code $}. */
    static boolean endsClause(String phrase) {
        return !phrase.isEmpty() && phrase.charAt(phrase.length() - 1) == CLAUSE_END;
    }

    /** The phrase without the {@code $} that may end it. */
    static String withoutClauseEnd(String phrase) {
        return endsClause(phrase) ? phrase.substring(0, phrase.length() - 1).strip() : phrase;
    }

    /** The phrase without the {@code *} that may open its start or its end. */
    static String withoutWildcards(String phrase) {
        int start = !phrase.isEmpty() && phrase.charAt(0) == WILDCARD ? 1 : 0;
        int end = phrase.length() > start && phrase.charAt(phrase.length() - 1) == WILDCARD ? phrase.length() - 1 : phrase.length();
        return phrase.substring(start, end);
    }

    List<Match> find(String text) {
        List<Match> matches = new ArrayList<>();
        if (automaton == null) {
            return matches;
        }
        char[] lower = lowerCaseChars(text);
        List<Match> inCompanyOnly = new ArrayList<>();
        List<HalfHit> halfHits = new ArrayList<>();
        automaton.scan(lower, (begin, end, forms) -> {
            boolean startsWord = boundary(lower, begin - 1) && !inOneNumber(lower, begin - 1, begin);
            boolean endsWord = boundary(lower, end) && !inOneNumber(lower, end, end - 1);
            if (!forms.admit(startsWord, endsWord)) {
                return;
            }
            for (Form form : forms.whole) {
                Match match = match(form, lower, begin, end, startsWord, endsWord);
                if (match != null) {
                    (form.needsCompany() ? inCompanyOnly : matches).add(match);
                }
            }
            if (forms.hasHalves()) {
                halfHits.add(new HalfHit(forms, begin, end, startsWord, endsWord));
            }
        });
        joinHalves(halfHits, lower, matches);
        for (Match lone : inCompanyOnly) {
            if (matches.stream().anyMatch(m -> m.unaccented() && m.entry().language().equals(lone.entry().language()))) {
                matches.add(lone);
            }
        }
        return matches;
    }

    /** The form's match at a hit of its phrase, or null where its ends, accents, clause or number say no. */
    private static Match match(Form form, char[] lower, int begin, int end, boolean startsWord, boolean endsWord) {
        if (!(startsWord || form.openStart()) || !(endsWord || form.openEnd())
                || form.unaccented() && !isAscii(lower, begin, end)
                || form.endsClause() && !clauseEndsAt(lower, end)) {
            return null;
        }
        int start = begin;
        int stop = end;
        if (form.number() != null) {
            int[] span = form.number().locate(lower, begin, end, form.coversWord(), form.openStart(),
                    form.openEnd(), SPACE_GROUPING_LANGUAGES.contains(form.entry().language()));
            if (span == null) {
                return null; // no number in range beside the words, or not the rest of the phrase
            }
            start = span[0];
            stop = span[1];
        }
        boolean covers = form.coversWord();
        return new Match(form.entry(), covers && form.openStart() ? wordStart(lower, start) : start,
                covers && form.openEnd() ? wordEnd(lower, stop) : stop, form.unaccented());
    }

    /**
     * Each either-order phrase whose two halves lie close enough, once, as one match over both. A first half is
     * read only where a group its second half is filed under was hit at all — most first halves found in a text
     * have no second one — and the second half's forms only then.
     */
    private static void joinHalves(List<HalfHit> halfHits, char[] lower, List<Match> matches) {
        if (halfHits.isEmpty()) {
            return;
        }
        Map<Forms, List<HalfHit>> hit = new IdentityHashMap<>();
        for (HalfHit halfHit : halfHits) {
            hit.computeIfAbsent(halfHit.forms(), f -> new ArrayList<>(2)).add(halfHit);
        }
        // entries are unique (a lexicon refuses a duplicate phrase): identity is equality, and cheaper to hash
        Set<LexiconEntry> joined = Collections.newSetFromMap(new IdentityHashMap<>());
        for (HalfHit firstHit : halfHits) {
            for (Form form : firstHit.forms().firstHalves) {
                if (!form.seconds().anyHit(hit.keySet()) || joined.contains(form.entry())) {
                    continue;
                }
                Match first = match(form, lower, firstHit.begin(), firstHit.end(), firstHit.startsWord(),
                        firstHit.endsWord());
                Match second = first == null ? null : secondNear(first, form.seconds(), hit, lower);
                if (second != null) {
                    matches.add(new Match(form.entry(), Math.min(first.start(), second.start()),
                            Math.max(first.end(), second.end()), false));
                    joined.add(form.entry());
                }
            }
        }
    }

    /**
     * A match of the first half's phrase's second half within {@value #MAX_GAP} characters of it, the earliest
     * in the text; else null. Only the hits of the groups the second half is filed under are read.
     */
    private static Match secondNear(Match first, SecondHalves seconds, Map<Forms, List<HalfHit>> hit, char[] lower) {
        Match earliest = null;
        for (Forms forms : seconds.filedUnder) {
            for (HalfHit candidate : hit.getOrDefault(forms, List.of())) {
                for (Form form : forms.secondHalves) {
                    if (form.entry() != first.entry()) {
                        continue;
                    }
                    Match second = match(form, lower, candidate.begin(), candidate.end(), candidate.startsWord(),
                            candidate.endsWord());
                    if (second != null && first.distanceTo(second) <= MAX_GAP
                            && (earliest == null || second.start() < earliest.start())) {
                        earliest = second;
                    }
                }
            }
        }
        return earliest;
    }

    /** The phrase without apostrophes ("won't" as "wont"). */
    static String withoutApostrophes(String phrase) {
        return phrase.replace("'", "");
    }

    /** The phrase with its accents and other combining marks taken off, and đ as d. */
    static String withoutAccents(String phrase) {
        return Normalizer.normalize(phrase, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").replace('đ', 'd');
    }

    private static boolean isAscii(char[] text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text[i] >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Whether only spaces lie between {@code index} and punctuation or the end of the text. */
    private static boolean clauseEndsAt(char[] text, int index) {
        int i = index;
        while (i < text.length && Character.isWhitespace(text[i]) && text[i] != '\n') {
            i++;
        }
        return i >= text.length || text[i] == '\n' || ".?!,;:…)\"".indexOf(text[i]) >= 0
                || Character.getType(text[i]) == Character.OTHER_PUNCTUATION;
    }

    /** Where the word that {@code index} lies in starts. */
    private static int wordStart(char[] text, int index) {
        int i = index;
        while (!boundary(text, i - 1)) {
            i--;
        }
        return i;
    }

    /** Where the word that {@code index} lies in ends. */
    private static int wordEnd(char[] text, int index) {
        int i = index;
        while (!boundary(text, i)) {
            i++;
        }
        return i;
    }

    /** Whether the char at {@code i} ends a word: outside the text, or not a letter. */
    private static boolean boundary(char[] text, int i) {
        return i < 0 || i >= text.length || !Character.isAlphabetic(text[i]);
    }

    /**
     * Whether a match's digit at {@code inside} runs on into the char beside it at {@code outside}, a digit or
     * a digit group separator ("1500", "1,500", "1.500" — {@link NumberSlot#joinsDigits}; not a space: "kill -9
     * 4312" is two numbers): "500 calories" is not in "1,500 calories". A digit before a letter is a boundary as
     * before ("30pills").
     */
    private static boolean inOneNumber(char[] text, int outside, int inside) {
        if (outside < 0 || outside >= text.length || !Character.isDigit(text[inside])) {
            return false;
        }
        return Character.isDigit(text[outside]) || NumberSlot.joinsDigits(text, outside);
    }

    private static String lowerCase(String text) {
        return new String(lowerCaseChars(text));
    }

    /**
     * Lower case char by char: one char for one char, so indices into the original stay valid. (Typographic
     * apostrophes arrive as {@code '}: the host's normalizer folds them.)
     */
    private static char[] lowerCaseChars(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    chars[i] = (char) (c + ('a' - 'A'));
                }
            } else if (!Character.isSurrogate(c)) {
                chars[i] = Character.toLowerCase(c);
            }
        }
        return chars;
    }

    /** Whether a phrase is written in a script without spaces between words. */
    static boolean isUnspaced(String phrase) {
        return phrase.codePoints().anyMatch(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            // Korean is spaced, but particles attach to the word ("폭탄을", "폭탄은"): match inside words too
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HANGUL
                    || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI
                    || script == Character.UnicodeScript.LAO || script == Character.UnicodeScript.KHMER
                    || script == Character.UnicodeScript.MYANMAR;
        });
    }
}
