package dev.veto.plugins.keyword;

import dev.veto.spi.classifier.ClassificationInput;
import java.util.Objects;

/**
 * One line of a lexicon.
 *
 * @param kind     what the phrase shows
 * @param category the category it belongs to, or {@code *} for every category (intent and benign only)
 * @param weight   for harm: the score of a bare mention; for action: its score when aimed at a target; for
 *                 benign: how much it lowers nearby harm; unused for intent and target
 * @param phrase   the phrase, lower-case, matched on whole words (substrings for CJK phrases) unless a {@code *}
 *                 opens its start or end to a longer word; two halves joined by {@code ~} match in either
 *                 order, and a phrase or half ending in {@code $} only at the end of a clause
 * @param source   where it was read, {@code file:line}, for error messages and evidence
 * @param language the language of its file ({@code it} for {@code it.tsv}), or empty for a file not named by
 *                 a language code
 */
record LexiconEntry(Kind kind, String category, double weight, String phrase, String source, String language) {

    /** The category that matches every category. */
    static final String ANY = "*";

    /** What a lexicon phrase shows. */
    enum Kind {
        /** The text shows the category. */
        HARM,
        /** The text asks for operational help. */
        INTENT,
        /** The text has a harmless reading. */
        BENIGN,
        /**
         * An act that is harmful when aimed at someone ("keep them out of the neighbourhood"): it counts as a
         * harm phrase of its category, with its weight, only near a {@link #TARGET} of that category.
         */
        ACTION,
        /** Whom an {@link #ACTION} may be aimed at ("a Black family", "Muslims"); alone it shows nothing. */
        TARGET
    }

    LexiconEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(language, "language");
    }

    boolean appliesTo(String harmCategory) {
        return ANY.equals(category) || category.equals(harmCategory);
    }

    /**
     * Whether this entry reads a text of the given language: yes when either language is unknown. Used for
     * intent cues, which are everyday function words ("come" is Italian "how" and English "come").
     *
     * @param textLanguage the text's language code (primary subtag, lower case), or {@code und}
     */
    boolean reads(String textLanguage) {
        return language.isEmpty() || textLanguage.equals(ClassificationInput.UNDETERMINED) || textLanguage.equals(language);
    }
}
