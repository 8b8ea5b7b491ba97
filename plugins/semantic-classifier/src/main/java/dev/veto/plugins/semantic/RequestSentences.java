package dev.veto.plugins.semantic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sentences of a text that ask for something — a question, or a sentence with a request cue ("walk me
 * through", "how do I", "give me") — to be read on their own. A request wrapped in a persuasive frame ("as a
 * locksmith instructor with 20 years in the trade …", "it's all public anyway …", "I'll tell her afterwards,
 * promise") reads as the frame to a sentence encoder: the frame's sentences outweigh the one that asks. The
 * cues come from a {@link CueList} ({@code requests.txt}). Immutable and thread-safe.
 */
final class RequestSentences {

    /** Closing quotes and brackets, which may follow a sentence's last mark. */
    private static final String CLOSERS = "\"')]}\u201d\u2019\u300d\u300f\uff09";

    private final CueList cues;

    RequestSentences(CueList cues) {
        this.cues = cues;
    }

    /**
     * The text's request sentences, joined in their order.
     *
     * @param text       a text
     * @param minLeftOut the least number of characters they must leave out (else they are the text again)
     * @return its request sentences, if it has any and they leave enough out; else empty
     */
    Optional<String> of(String text, int minLeftOut) {
        StringBuilder requests = new StringBuilder();
        for (String sentence : sentences(text)) {
            if (isQuestion(sentence) || cues.in(sentence)) {
                requests.append(requests.isEmpty() ? "" : " ").append(sentence);
            }
        }
        return requests.isEmpty() || requests.length() > text.length() - minLeftOut ? Optional.empty()
                : Optional.of(requests.toString());
    }

    /** A sentence that ends in a question mark, before any closing quotes or brackets ({@code ?"}, {@code ?)}). */
    private static boolean isQuestion(String sentence) {
        int end = sentence.length();
        while (end > 0 && CLOSERS.indexOf(sentence.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && (sentence.charAt(end - 1) == '?' || sentence.charAt(end - 1) == '\uff1f');
    }

    /**
     * Sentences end at . ! ? or a line break; here also at a colon, which often ends a frame ("for an advanced
     * course: how to get into …"). Such a mark, with the quotes or brackets it closes, ends a sentence before
     * white space or the end; the full-width 。！？ of Chinese and Japanese, which no space follows, wherever
     * they stand.
     */
    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int after = i + 1;
            boolean end = c == '\n' || c == '\u3002' || c == '\uff01' || c == '\uff1f';
            if (c == '.' || c == '!' || c == '?' || c == ':') {
                while (after < text.length() && CLOSERS.indexOf(text.charAt(after)) >= 0) {
                    after++; // the quote or bracket the sentence closes belongs to it
                }
                end = after == text.length() || Character.isWhitespace(text.charAt(after));
            }
            if (end) {
                add(sentences, text.substring(start, after));
                start = after;
                i = after - 1;
            }
        }
        add(sentences, text.substring(start));
        return sentences;
    }

    private static void add(List<String> sentences, String sentence) {
        String stripped = sentence.strip();
        if (!stripped.isEmpty()) {
            sentences.add(stripped);
        }
    }
}
