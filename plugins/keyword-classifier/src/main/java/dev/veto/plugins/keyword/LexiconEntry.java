package dev.veto.plugins.keyword;

import java.util.Objects;

/**
 * One line of a lexicon.
 *
 * @param kind     what the phrase shows
 * @param category the category it belongs to, or {@code *} for every category (cues only)
 * @param weight   for harm: the score of a bare mention; for benign: how much it lowers nearby harm
 * @param phrase   the phrase, lower-case, matched on whole words (substrings for CJK phrases)
 * @param source   where it was read, {@code file:line}, for error messages and evidence
 */
record LexiconEntry(Kind kind, String category, double weight, String phrase, String source) {

    /** The category that matches every category. */
    static final String ANY = "*";

    /** What a lexicon phrase shows. */
    enum Kind {
        /** The text shows the category. */
        HARM,
        /** The text asks for operational help. */
        INTENT,
        /** The text has a harmless reading. */
        BENIGN
    }

    LexiconEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(phrase, "phrase");
    }

    boolean appliesTo(String harmCategory) {
        return ANY.equals(category) || category.equals(harmCategory);
    }
}
