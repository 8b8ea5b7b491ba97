package dev.veto.plugins.semantic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Words that name no topic: pronouns, auxiliaries, question words, politeness and talk about the
 * conversation itself. A text made of nothing else ("who are you exactly?", "can you be more specific?",
 * "make it shorter") gives the model no intent to read; judged anyway, the head guessed from its style —
 * hate 0.99 for "who are you exactly?", a crime 0.97 for "Can you help me please?" — and the baseline policy
 * refused. Immutable and thread-safe.
 *
 * <p>A list has words separated by white space, several a line; {@code #} starts a comment line. Case is
 * ignored. A word is a run of letters, with apostrophes inside it ("you're", "m'aider"); a text with a digit
 * is never made of conversation words.
 */
final class ConversationWords {

    private final Set<String> words;

    private ConversationWords(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    /**
     * Reads a word list.
     *
     * @param reader the list
     * @param origin where it comes from, for errors
     * @return its words
     * @throws IOException              if it cannot be read
     * @throws IllegalArgumentException if it has no word
     */
    static ConversationWords read(Reader reader, String origin) throws IOException {
        Set<String> words = new HashSet<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        while ((line = lines.readLine()) != null) {
            if (!line.startsWith("#")) {
                for (String word : line.strip().split("\\s+")) {
                    if (!word.isEmpty()) {
                        words.add(word.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException(origin + ": no word");
        }
        return new ConversationWords(words);
    }

    /** Both lists' words. */
    ConversationWords and(ConversationWords other) {
        Set<String> both = new HashSet<>(words);
        both.addAll(other.words);
        return new ConversationWords(both);
    }

    /**
     * Whether a text has words and every one of them is a conversation word.
     *
     * @param text the text
     * @return true for "Can you help me please?", false for "Can you help me hide a body?" or "I'm 13"
     */
    boolean only(String text) {
        int start = -1;
        boolean any = false;
        for (int i = 0; i <= text.length(); i++) {
            int c = i < text.length() ? text.codePointAt(i) : ' ';
            if (Character.isDigit(c)) {
                return false;
            }
            boolean inWord = Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || c == '\'' && start >= 0 && i + 1 < text.length() && Character.isLetter(text.codePointAt(i + 1));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                if (!words.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
                    return false;
                }
                any = true;
                start = -1;
            }
            if (c > 0xFFFF) {
                i++; // the low surrogate
            }
        }
        return any;
    }
}
