package dev.veto.plugins.semantic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words that name no topic: pronouns, auxiliaries, question words, politeness and talk about the
 * conversation itself. A text made of nothing else ("who are you exactly?", "can you be more specific?",
 * "make it shorter") gives the model no intent to read; judged anyway, the head guessed from its style —
 * hate 0.99 for "who are you exactly?", a crime 0.97 for "Can you help me please?" — and the baseline policy
 * refused. Immutable and thread-safe.
 *
 * <p>A list has sections headed {@code [language]}, each with words separated by white space, several a line;
 * {@code #} starts a comment line. A text counts only if one section has all its words: words of two languages
 * together can say what neither list means ("i want to" and the German article "die"). List and text are cut
 * into words alike, by {@link GlossWords} (case ignored; "you're" is "you'" and "re"); a text with a digit is
 * never made of conversation words.
 */
final class ConversationWords {

    private static final Pattern SECTION = Pattern.compile("\\[([a-z]{2,3})]");

    private final Map<String, Set<String>> sections;

    private ConversationWords(Map<String, Set<String>> sections) {
        this.sections = sections.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
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
        Map<String, Set<String>> sections = new LinkedHashMap<>();
        Set<String> words = null;
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            Matcher section = SECTION.matcher(stripped);
            if (section.matches()) {
                words = sections.computeIfAbsent(section.group(1), language -> new HashSet<>());
                continue;
            }
            if (words == null) {
                throw new IllegalArgumentException(origin + ":" + number + ": words before the first [language] header");
            }
            words.addAll(GlossWords.of(stripped));
        }
        if (sections.values().stream().allMatch(Set::isEmpty)) {
            throw new IllegalArgumentException(origin + ": no word");
        }
        return new ConversationWords(sections);
    }

    /** Both lists' sections; a language in both gets the words of both. */
    ConversationWords and(ConversationWords other) {
        Map<String, Set<String>> both = new LinkedHashMap<>();
        sections.forEach((language, words) -> both.put(language, new HashSet<>(words)));
        other.sections.forEach((language, words) -> both.computeIfAbsent(language, l -> new HashSet<>()).addAll(words));
        return new ConversationWords(both);
    }

    /**
     * Whether a text has words and every one of them is a conversation word.
     *
     * @param text the text
     * @return true for "Can you help me please?", false for "Can you help me hide a body?" or "I'm 13"
     */
    boolean only(String text) {
        List<String> words = GlossWords.of(text).stream().filter(word -> !GlossWords.isSentenceEnd(word)).toList();
        return !words.isEmpty() && words.stream().noneMatch(ConversationWords::hasDigit)
                && sections.values().stream().anyMatch(section -> section.containsAll(words));
    }

    private static boolean hasDigit(String word) {
        return word.codePoints().anyMatch(Character::isDigit);
    }
}
