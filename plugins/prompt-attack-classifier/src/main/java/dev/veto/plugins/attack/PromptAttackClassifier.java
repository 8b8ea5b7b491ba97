package dev.veto.plugins.attack;

import dev.veto.spi.classifier.ClassificationInput;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.signal.Signal;
import dev.veto.spi.signal.Span;
import dev.veto.spi.signal.StandardCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Reports attacks on the assistant as one {@code prompt-attack} signal: the families found as evidence, a
 * span per match, and a score from the families' weights and combinations. Every pattern may run on every
 * text, whatever its language — attacks mix languages — but only when one of its triggers occurs: those of
 * its family and language ({@code override/es}) where the trigger file has a line for them, else those of
 * its family. Stateless and thread-safe.
 */
final class PromptAttackClassifier implements Classifier {

    static final String CATEGORY = StandardCategory.PROMPT_ATTACK.id();

    private final String instanceName;
    private final TriggerIndex triggers;
    private final List<AttackPattern> patterns;
    /** Per pattern, the trigger line that gates it (see {@link #triggerKey}). */
    private final String[] keys;
    private final AttackSettings settings;
    private final AdversarialSuffix suffix;

    PromptAttackClassifier(String instanceName, List<AttackPattern> patterns, Map<String, List<String>> triggers,
                           AttackSettings settings) {
        this.instanceName = instanceName;
        this.triggers = new TriggerIndex(triggers);
        this.patterns = patterns;
        this.keys = new String[patterns.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = triggerKey(patterns.get(i), triggers);
            if (!triggers.containsKey(keys[i])) {
                throw new IllegalStateException("no triggers for the " + patterns.get(i).family() + " patterns of language "
                        + patterns.get(i).language());
            }
        }
        this.settings = settings;
        this.suffix = new AdversarialSuffix(settings.suffixWindow(), settings.suffixRatio(), settings.suffixKinds());
    }

    /**
     * {@inheritDoc}
     *
     * @throws InterruptedException when the host abandons the call (its deadline passed) between two patterns:
     *                              on a long text full of trigger words each pattern scans the whole text, and
     *                              a call nobody waits for should not keep a plugin thread busy for long
     */
    @Override
    public List<Signal> classify(ClassificationInput input) throws InterruptedException {
        String text = input.text();
        Set<String> triggered = triggers.families(foldedChars(text));
        Set<String> families = new TreeSet<>();
        List<Span> spans = new ArrayList<>();
        for (int i = 0; !triggered.isEmpty() && i < keys.length; i++) {
            if (!triggered.contains(keys[i])) {
                continue;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("prompt-attack classification abandoned");
            }
            AttackPattern pattern = patterns.get(i);
            Matcher matcher = pattern.pattern().matcher(text);
            if (matcher.find()) {
                families.add(pattern.family());
                spans.add(new Span(matcher.start(), matcher.end()));
            }
        }
        Optional<int[]> soup = suffix.find(text);
        soup.ifPresent(span -> {
            families.add("suffix");
            spans.add(new Span(span[0], span[1]));
        });
        if (families.isEmpty()) {
            return List.of();
        }
        spans.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return List.of(new Signal(CATEGORY, settings.score(families), settings.confidence(), spans, List.copyOf(families),
                instanceName));
    }

    /**
     * The trigger line that gates a pattern: {@code family/language} where the trigger file has one (each
     * language's patterns then run only on its own words, not on every language's), else the family's.
     */
    static String triggerKey(AttackPattern pattern, Map<String, List<String>> triggers) {
        String own = pattern.family() + "/" + pattern.language();
        return triggers.containsKey(own) ? own : pattern.family();
    }

    /**
     * The text as the triggers are written: lower case char by char ("İ" stays one char, unlike
     * {@code toLowerCase}, which would split it and hide "İGNORE"), every run of whitespace one space.
     */
    static String folded(String text) {
        return new String(foldedChars(text));
    }

    /** {@link #folded(String)} as the chars the trigger automaton reads, without an intermediate string. */
    static char[] foldedChars(String text) {
        char[] out = new char[text.length()];
        int n = 0;
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // U+FFFF, a noncharacter no trigger holds, is a space: the trie library's scan steps past its table on it
            char folded = c < 0x80 ? ASCII_FOLD[c] : Character.isWhitespace(c) || c == '\uffff' ? ' '
                    : c == '\u0130' ? 'i' : Character.toLowerCase(c);
            if (folded == ' ') {
                if (!space) {
                    out[n++] = ' ';
                }
                space = true;
            } else {
                out[n++] = folded;
                space = false;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** ASCII folded in one table read: upper case to lower, whitespace (tab to CR, FS to US, space) to a space. */
    private static final char[] ASCII_FOLD = asciiFold();

    private static char[] asciiFold() {
        char[] fold = new char[128];
        for (char c = 0; c < 128; c++) {
            boolean whitespace = c == ' ' || c >= '\t' && c <= '\r' || c >= '\u001c' && c <= '\u001f';
            fold[c] = whitespace ? ' ' : c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return fold;
    }

    @Override
    public Set<String> categories() {
        return Set.of(CATEGORY);
    }
}
