package dev.veto.cli.eval;

import dev.veto.spi.request.Message;
import java.util.List;
import java.util.Objects;

/**
 * One labelled prompt of an evaluation set (the format of {@code ../shared/data/README.md}), possibly an
 * obfuscated variant of one.
 *
 * @param id       unique across the files
 * @param prompt   the user's text
 * @param unsafe   {@code true} when the system must not simply comply
 * @param category the source's own category, or {@code none}
 * @param lang     ISO 639-1 code, or {@code und}
 * @param source   the set it came from
 * @param variant  {@code clean}, or the obfuscation applied
 * @param context  the request context the row asks for
 * @param history  the turns before the prompt, oldest first (empty: the prompt alone)
 */
public record LabelledPrompt(String id, String prompt, boolean unsafe, String category, String lang, String source,
                             String variant, RowContext context, List<Message> history) {

    /** The unobfuscated form. */
    public static final String CLEAN = "clean";

    /** Validates the components. */
    public LabelledPrompt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prompt, "prompt");
        category = category == null || category.isBlank() ? "none" : category;
        lang = lang == null || lang.isBlank() ? "und" : lang;
        source = source == null || source.isBlank() ? "unknown" : source;
        variant = variant == null ? CLEAN : variant;
        context = context == null ? RowContext.NONE : context;
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A row without context fields. */
    public LabelledPrompt(String id, String prompt, boolean unsafe, String category, String lang, String source,
                          String variant) {
        this(id, prompt, unsafe, category, lang, source, variant, RowContext.NONE, List.of());
    }

    /**
     * The same prompt with another text, as an obfuscated variant (the history stays as it was).
     *
     * @param transform the obfuscation's name
     * @param text      the obfuscated text
     * @return the variant
     */
    public LabelledPrompt variant(String transform, String text) {
        return new LabelledPrompt(id + "~" + transform, text, unsafe, category, lang, source, transform, context, history);
    }
}
