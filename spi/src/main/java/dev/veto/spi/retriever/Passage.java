package dev.veto.spi.retriever;

import java.util.Objects;

/**
 * A piece of trusted material.
 *
 * @param source where it comes from, e.g. a document id or collection name
 * @param title  a human-readable title, possibly empty
 * @param text   the passage text
 * @param link   where a user can read more (URL, phone number, resource name), possibly empty
 * @param score  relevance in {@code [0, 1]}
 */
public record Passage(String source, String title, String text, String link, double score) {

    /**
     * Validates the components.
     *
     * @param source where it comes from, e.g. a document id or collection name
     * @param title  a human-readable title, possibly empty
     * @param text   the passage text
     * @param link   where a user can read more (URL, phone number, resource name), possibly empty
     * @param score  relevance in {@code [0, 1]}
     */
    public Passage {
        Objects.requireNonNull(source, "source");
        title = title == null ? "" : title;
        Objects.requireNonNull(text, "text");
        link = link == null ? "" : link;
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must lie in [0, 1], was " + score);
        }
    }
}
