package dev.veto.plugins.semantic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer, as the model's {@code tokenizer.json} describes it: the Hugging Face
 * {@code BertNormalizer} (clean text, space around CJK ideographs, strip accents, lower-case), the
 * {@code BertPreTokenizer} (split on white space and isolate punctuation) and greedy longest-match WordPiece
 * with {@code ##} continuations, framed by {@code [CLS]} and {@code [SEP]}.
 *
 * <p>Why not the Hugging Face tokenizers library (through DJL): its native library can be loaded by only one
 * class loader per JVM, so a second host in the same JVM — or the plugin reloaded — cannot tokenize; it also
 * unpacks itself into the user's home and probes cloud metadata endpoints. The algorithm is small and fixed;
 * a test checks this implementation token for token against the library on multilingual text.
 *
 * <p>Immutable and thread-safe.
 */
public final class WordPieceTokenizer {

    private static final String CONTINUATION = "##";
    private static final int MAX_CHARS_PER_WORD = 100;

    private final Map<String, Integer> vocabulary;
    private final int unknown;
    private final int start;
    private final int end;

    private WordPieceTokenizer(Map<String, Integer> vocabulary) {
        this.vocabulary = vocabulary;
        this.unknown = id(vocabulary, "[UNK]");
        this.start = id(vocabulary, "[CLS]");
        this.end = id(vocabulary, "[SEP]");
    }

    /**
     * Reads the vocabulary of a Hugging Face {@code tokenizer.json} with a WordPiece model.
     *
     * @param json the tokenizer file
     * @return the tokenizer
     * @throws IOException if the file cannot be read or is not JSON
     * @throws IllegalArgumentException if the file has no WordPiece vocabulary
     */
    public static WordPieceTokenizer fromHuggingFaceJson(Reader json) throws IOException {
        Map<String, Integer> vocabulary = new HashMap<>(65_536);
        String type = null;
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a tokenizer.json: no JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (!field.equals("model") || !parser.hasToken(JsonToken.START_OBJECT)) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    if (key.equals("type")) {
                        type = parser.getValueAsString();
                    } else if (key.equals("vocab") && parser.hasToken(JsonToken.START_OBJECT)) {
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String token = parser.currentName();
                            parser.nextToken();
                            vocabulary.put(token, parser.getIntValue());
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        }
        if (!"WordPiece".equals(type) || vocabulary.isEmpty()) {
            throw new IllegalArgumentException("not a WordPiece tokenizer.json");
        }
        return new WordPieceTokenizer(vocabulary);
    }

    /**
     * Tokenizes a text into model input ids: {@code [CLS]}, at most {@code maxTokens - 2} word pieces (the rest
     * is cut off), {@code [SEP]}.
     *
     * @param text      the text
     * @param maxTokens the length limit, special tokens included
     * @return the ids
     */
    public long[] encode(String text, int maxTokens) {
        List<Integer> ids = new ArrayList<>();
        ids.add(start);
        int limit = maxTokens - 1;
        for (String word : preTokenized(normalized(text))) {
            for (int id : wordPieces(word)) {
                if (ids.size() >= limit) {
                    break;
                }
                ids.add(id);
            }
            if (ids.size() >= limit) {
                break;
            }
        }
        ids.add(end);
        long[] out = new long[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.get(i);
        }
        return out;
    }

    /** BertNormalizer: clean text, isolate CJK ideographs, strip accents (NFD, drop Mn), lower-case. */
    static String normalized(String text) {
        StringBuilder cleaned = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (c == 0 || c == 0xFFFD || isControl(c)) {
                return;
            }
            if (isWhitespace(c)) {
                cleaned.append(' ');
            } else if (isCjkIdeograph(c)) {
                cleaned.append(' ').appendCodePoint(c).append(' ');
            } else {
                cleaned.appendCodePoint(c);
            }
        });
        StringBuilder stripped = new StringBuilder(cleaned.length());
        Normalizer.normalize(cleaned, Normalizer.Form.NFD).codePoints()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .map(Character::toLowerCase) // character by character, as the reference does: no final sigma
                .forEach(stripped::appendCodePoint);
        return stripped.toString();
    }

    /** BertPreTokenizer: words split at white space, each punctuation character a word of its own. */
    static List<String> preTokenized(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (isWhitespace(c) || isPunctuation(c)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                if (!isWhitespace(c)) {
                    words.add(new String(Character.toChars(c)));
                }
            } else {
                word.appendCodePoint(c);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /** Greedy longest match first; a word that cannot be covered entirely is one unknown token. */
    private List<Integer> wordPieces(String word) {
        int[] chars = word.codePoints().toArray();
        if (chars.length > MAX_CHARS_PER_WORD) {
            return List.of(unknown);
        }
        List<Integer> pieces = new ArrayList<>();
        int from = 0;
        while (from < chars.length) {
            Integer match = null;
            int to = chars.length;
            while (from < to) {
                String piece = (from > 0 ? CONTINUATION : "") + new String(chars, from, to - from);
                match = vocabulary.get(piece);
                if (match != null) {
                    break;
                }
                to--;
            }
            if (match == null) {
                return List.of(unknown);
            }
            pieces.add(match);
            from = to;
        }
        return pieces;
    }

    /** Unicode "other" (C*) except tab, line feed and carriage return, which count as white space. */
    private static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
    }

    /** Unicode White_Space (Java's own isWhitespace leaves out no-break spaces). */
    private static boolean isWhitespace(int c) {
        return switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200A;
        };
    }

    /** ASCII punctuation (which includes symbols such as $ + < = > ^ ` | ~) or any Unicode punctuation. */
    private static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** The CJK Unified Ideograph blocks BERT treats as words of their own. */
    private static boolean isCjkIdeograph(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }

    private static int id(Map<String, Integer> vocabulary, String token) {
        Integer id = vocabulary.get(token);
        if (id == null) {
            throw new IllegalArgumentException("the vocabulary has no " + token);
        }
        return id;
    }
}
