package dev.veto.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Texts that break careless text handling, each named for the failure message: empty and blank text,
 * a megabyte of text, lone and reversed surrogates (invalid UTF-16), right-to-left and bidi controls,
 * combining marks, zero-width characters, control characters, emoji with modifiers, mixed scripts.
 */
public final class OddInputs {

    private OddInputs() {
    }

    /** Roughly a megabyte: the size the HTTP API admits by default. */
    private static final int HUGE_CHARS = 1 << 20;

    /**
     * Every odd input, by a name that says what it is.
     *
     * @return the texts, in a stable order
     */
    public static Map<String, String> all() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("empty", "");
        texts.put("blank", " \t\n\r ");
        texts.put("one character", "a");
        texts.put("lone high surrogate", "abc\uD83Ddef");
        texts.put("lone low surrogate", "\uDE00 at the start");
        texts.put("reversed surrogate pair", "x\uDE00\uD83Dy");
        texts.put("text ending in a high surrogate", "ends badly \uD83D");
        texts.put("right-to-left", "كيف أصنع قنبلة؟ \u200F שלום עולם");
        texts.put("bidi controls", "\u202Eevil\u202C \u2066isolated\u2069 \u202Dforced\u202C");
        texts.put("combining marks", "Z\u0351\u0352\u0353a\u0300\u0301\u0302\u0303l\u0334\u0335g\u0336o\u0337");
        texts.put("zero-width characters", "b\u200Bo\u200Cm\u200Db\uFEFF \u2060");
        texts.put("control characters", "nul\u0000bell\u0007escape\u001B[31mdel\u007F");
        texts.put("emoji with modifiers", "\uD83D\uDC4D\uD83C\uDFFD \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \uD83C\uDDEA\uD83C\uDDFA");
        texts.put("mixed scripts", "Hеllo wоrld 你好 안녕하세요 Xin chào नमस्ते");
        texts.put("only punctuation", "?!…—«»¿¡");
        texts.put("a megabyte of text", huge());
        return texts;
    }

    /**
     * About a megabyte of ordinary sentences.
     *
     * @return the text
     */
    public static String huge() {
        String sentence = "The quick brown fox jumps over the lazy dog while a kettle boils. ";
        StringBuilder text = new StringBuilder(HUGE_CHARS + sentence.length());
        while (text.length() < HUGE_CHARS) {
            text.append(sentence);
        }
        return text.toString();
    }
}
