package dev.veto.spi.classifier;

import dev.veto.spi.request.Request;
import java.util.Objects;

/**
 * The text a classifier is asked to judge, with everything it may need to judge it well.
 *
 * @param stage    whether this is the user's input or the model's output
 * @param text     the normalized text to classify (Unicode NFKC, invisible characters removed, typographic
 *                 apostrophes read as {@code '}); spans in the returned signals index into this string
 * @param language the identified language of {@code text} as an ISO 639-1 code, or {@code und} when unknown
 * @param request  the request being checked, for its context, locale, modality and earlier turns
 */
public record ClassificationInput(Stage stage, String text, String language, Request request) {

    /** The language code for an unidentified language. */
    public static final String UNDETERMINED = "und";

    /**
     * Validates the components.
     *
     * @param stage    whether this is the user's input or the model's output
     * @param text     the normalized text to classify (Unicode NFKC, invisible characters removed); spans in
     *              the returned signals index into this string
     * @param language the identified language of {@code text} as an ISO 639-1 code, or {@code und} when unknown
     * @param request  the request being checked, for its context, locale, modality and earlier turns
     */
    public ClassificationInput {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(text, "text");
        language = language == null || language.isBlank() ? UNDETERMINED : language;
        Objects.requireNonNull(request, "request");
    }
}
