package dev.veto.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veto.core.RequestBuilder;
import dev.veto.spi.request.Modality;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The request context a row of a JSONL file asks for, in optional string fields beside the prompt ({@code tenant},
 * {@code user}, {@code role}, {@code jurisdiction}, {@code channel}, {@code purpose}, {@code locale},
 * {@code modality}): read alike from a {@code veto check --input} file and a labelled set. One evaluation can so
 * cover several deployments — the same prompt for two tenants, or a jurisdiction's overlay — where
 * {@code veto eval --jurisdiction} sets one context for every row. A field a row sets wins over the command
 * line's.
 *
 * @param fields the context fields the row sets, by name, in the order above
 */
public record RowContext(Map<String, String> fields) {

    /** A row without context fields. */
    public static final RowContext NONE = new RowContext(Map.of());

    private static final String[] NAMES = {"tenant", "user", "role", "jurisdiction", "channel", "purpose", "locale", "modality"};

    /** Copies the fields. */
    public RowContext {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * Reads the context fields of a row.
     *
     * @param row a JSON object
     * @return its context
     * @throws IllegalArgumentException if a field is not a string, or the modality is unknown
     */
    public static RowContext of(JsonNode row) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : NAMES) {
            JsonNode value = row.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                throw new IllegalArgumentException("\"" + name + "\" must be a non-empty string");
            }
            fields.put(name, value.asText().strip());
        }
        if (fields.containsKey("modality")) {
            parseModality(fields.get("modality"));
        }
        return fields.isEmpty() ? NONE : new RowContext(fields);
    }

    /**
     * Sets the fields this row has on a request.
     *
     * @param request the request being built
     * @return the same builder
     */
    public RequestBuilder applyTo(RequestBuilder request) {
        fields.forEach((name, value) -> {
            switch (name) {
                case "tenant" -> request.tenant(value);
                case "user" -> request.userId(value);
                case "role" -> request.userRole(value);
                case "jurisdiction" -> request.jurisdiction(value);
                case "channel" -> request.channel(value);
                case "purpose" -> request.purpose(value);
                case "locale" -> request.locale(value);
                case "modality" -> request.modality(parseModality(value));
                default -> throw new IllegalStateException("unknown context field " + name);
            }
        });
        return request;
    }

    /**
     * Whether the row sets its own locale (then its {@code lang} is not sent as one).
     *
     * @return whether a locale is set
     */
    public boolean setsLocale() {
        return fields.containsKey("locale");
    }

    /**
     * Parses a modality as users write it: {@code text}, {@code code}, {@code image-prompt} (or {@code image}),
     * {@code audio-transcript}, in any case.
     *
     * @param value the name
     * @return the modality
     * @throws IllegalArgumentException if there is no such modality
     */
    public static Modality parseModality(String value) {
        String normalized = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (normalized.equals("IMAGE")) {
            normalized = "IMAGE_PROMPT";
        }
        try {
            return Modality.valueOf(normalized);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown modality '" + value + "' (text, code, image-prompt, audio-transcript)");
        }
    }
}
