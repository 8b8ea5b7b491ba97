package dev.veto.server.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reads request bodies strictly: JSON only, valid UTF-8 only, an object at the top. */
public final class JsonBodies {

    private final ObjectReader reader;

    /**
     * Creates the reader.
     *
     * @param mapper the JSON mapper
     */
    public JsonBodies(ObjectMapper mapper) {
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Reads the body as a JSON object.
     *
     * @param ctx the request
     * @return the object
     * @throws ApiError 415 for another content type, 400 for an empty, non-UTF-8, malformed or non-object body
     */
    public JsonNode object(Context ctx) {
        String type = ctx.contentType();
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new ApiError(415, "invalid_request_error", "unsupported_media_type",
                    "send the body as application/json (got " + (type == null ? "no content type" : type) + ")");
        }
        String encoding = ctx.header("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            throw new ApiError(415, "invalid_request_error", "unsupported_media_type",
                    "send the body uncompressed (got Content-Encoding: " + encoding.strip() + ")");
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw ApiError.badRequest("empty_body", "the body is empty; send a JSON object");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiError.badRequest("invalid_utf8", "the body is not valid UTF-8");
        }
        JsonNode node;
        try {
            node = reader.readTree(text); // one document: anything after it is an error, not ignored
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation(); // none for a broken limit (nesting depth, number length)
            throw ApiError.badRequest("malformed_json", "the body is not valid JSON: " + e.getOriginalMessage()
                    + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("not_an_object", "the body must be a JSON object");
        }
        return node;
    }

    /**
     * A string field.
     *
     * @param node  the object
     * @param field the field
     * @return its value, or null when absent
     * @throws ApiError 400 when it is not a string
     */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest("wrong_type", "'" + field + "' must be a string");
        }
        return value.asText();
    }

    /**
     * A boolean field.
     *
     * @param node  the object
     * @param field the field
     * @return its value, false when absent
     * @throws ApiError 400 when it is not a boolean
     */
    public static boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw ApiError.badRequest("wrong_type", "'" + field + "' must be true or false");
        }
        return value.asBoolean();
    }
}
