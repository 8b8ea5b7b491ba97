package dev.veto.plugins.semantic;

import dev.veto.spi.classifier.ClassificationInput;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.signal.Signal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a text by meaning rather than wording: the sentence encoder's vector of each window (and, for a
 * head trained with them, the window's character n-grams, which carry the languages the encoder reads
 * poorly) goes through the trained head, and the window most likely to be unsafe speaks for the text. A
 * text in a language with a glossary is read a second time in its word-by-word English gloss
 * ({@link Glosser}), which the English encoder understands better; neither reading of a text that is not
 * English reports more than a set maximum, as the encoder guesses there — for child exploitation, which the
 * baseline policy lets the model alone refuse, one below that refusal. A child-exploitation reading of a
 * text that mentions no minor ({@link MinorMentions}) names the head's next category instead; a text of
 * conversation words alone ({@link ConversationWords}) is not judged. One signal at
 * most — the most likely category, scored with the calibrated probability that the text is not safe. The
 * score is one signal for the policy beside the lexical ones, not a decision on its own.
 */
final class SemanticClassifier implements Classifier {

    /** The category that, by definition, needs a minor in the text. */
    static final String CHILD_EXPLOITATION = "child-exploitation";

    /** How much of a text is searched for a minor beyond the windows the model read (~20 ms at most). */
    private static final int MINOR_SCAN_CHARS = 8_000;

    private final SentenceEncoder encoder;
    private final Heads heads;
    private final Glosser glosser;
    private final Optional<MinorMentions> minors;
    private final Optional<ConversationWords> conversation;
    private final SemanticSettings settings;

    /**
     * The trained heads.
     *
     * @param text   reads the text as written
     * @param glosses reads its English gloss (trained on glosses as well; may be the same head)
     */
    record Heads(SemanticHead text, SemanticHead glosses) {
    }

    SemanticClassifier(SentenceEncoder encoder, Heads heads, Glosser glosser, Optional<MinorMentions> minors,
                       Optional<ConversationWords> conversation, SemanticSettings settings) {
        this.encoder = encoder;
        this.heads = heads;
        this.glosser = glosser;
        this.minors = minors;
        this.conversation = conversation;
        this.settings = settings;
    }

    @Override
    public List<Signal> classify(ClassificationInput input) throws Exception {
        if (input.text().isBlank()) {
            return List.of();
        }
        SemanticHead.Judgement worst = null;
        String readable = EncodedRuns.strip(input.text());
        if (readable.isBlank() || CharNgrams.words(readable) < settings.minWords()) {
            return List.of(); // "hi", "next", "kill -9": no intent to read (the keyword classifier still reads them)
        }
        if (conversation.isPresent() && conversation.get().only(readable)) {
            return List.of(); // "who are you exactly?": no topic, and the head guessed one from the style
        }
        List<String> windows = windows(readable, readable != input.text());
        int original = windows.size();
        // each window on its own: a request decoded from base64 is glossed even behind an English wrapper
        List<String> glossedFrom = new ArrayList<>();
        boolean[] english = new boolean[original];
        for (int i = 0; i < original; i++) {
            Glosser.Reading reading = glosser.reading(windows.get(i), input.language());
            english[i] = reading.english();
            reading.gloss().ifPresent(gloss -> {
                windows.add(gloss.text());
                glossedFrom.add(gloss.language());
            });
        }
        String worstGloss = null;
        boolean worstSetAside = false;
        boolean worstNotEnglish = false;
        Boolean minorMentioned = null; // asked once, and only of a text some window reads as child exploitation
        for (int i = 0; i < windows.size(); i++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("semantic classification interrupted");
            }
            SemanticHead head = i < original ? heads.text() : heads.glosses();
            SemanticHead.Judgement judgement = head.judge(encoder.encode(windows.get(i)), grams(head, windows.get(i)));
            if (i >= original) {
                if (judgement.unsafe() < settings.gloss().minScore()) {
                    continue; // not heard below gloss.min-score: broken English reads as a little suspicious
                }
                judgement = judgement.atMost(settings.gloss().maxScore());
            } else if (!english[i]) {
                judgement = judgement.atMost(settings.nonEnglishMax()); // the encoder guesses at other languages
            }
            // the text (its first MINOR_SCAN_CHARS, so the work stays bounded) or a gloss must mention a minor; if
            // none does, the model still saw something unsafe: the window's reading without the category, as sure
            // as before up to the ceiling (the model alone constrains there)
            boolean setAside = false;
            if (judgement.category().equals(CHILD_EXPLOITATION) && judgement.hasRunnerUp()
                    && minors.isPresent() && judgement.unsafe() >= settings.reportAbove()) {
                if (minorMentioned == null) {
                    minorMentioned = mentionsMinor(minors.get(), input.text(), windows);
                }
                if (!minorMentioned) {
                    judgement = judgement.withoutCategory()
                            .atLeast(Math.min(judgement.unsafe(), settings.minors().setAsideMaxScore()));
                    setAside = true;
                }
            }
            // at a tie the gloss speaks: capped alike, the reading the encoder understood names the category
            if (worst == null || judgement.unsafe() > worst.unsafe()
                    || i >= original && judgement.unsafe() == worst.unsafe()) {
                worst = judgement;
                worstGloss = i >= original ? glossedFrom.get(i - original) : null;
                worstSetAside = setAside;
                worstNotEnglish = i >= original || !english[i];
            }
        }
        // the policy lets this reading alone refuse; in another language the model guesses (a parent's question
        // about strangers in a child's game read as grooming), so there it asks for care. Capped once chosen:
        // capped before, a weaker reading of another category would speak for the text instead
        boolean capped = worstNotEnglish && worst.category().equals(CHILD_EXPLOITATION);
        if (capped) {
            worst = worst.atMost(settings.minors().nonEnglishMaxScore());
        }
        String note = worstSetAside ? ", child exploitation set aside: no minor mentioned"
                : capped ? ", capped: not English" : "";
        if (worst.unsafe() < settings.reportAbove()) {
            return List.of();
        }
        String evidence = String.format(Locale.ROOT, "minilm: p(unsafe)=%.2f, %s %.0f%%%s%s", worst.unsafe(),
                worst.category(), 100 * worst.categoryShare(),
                worstGloss != null ? " (read in its English gloss from " + worstGloss + ")" : "", note);
        return List.of(new Signal(worst.category(), worst.unsafe(), settings.confidence(), List.of(),
                List.of(evidence), ""));
    }

    /** Whether what the model read (the windows, their glosses) or the start of the text mentions a minor. */
    private static boolean mentionsMinor(MinorMentions minors, String text, List<String> windows) {
        return windows.stream().anyMatch(minors::in)
                || minors.in(text.length() <= MINOR_SCAN_CHARS ? text : text.substring(0, MINOR_SCAN_CHARS));
    }

    private static CharNgrams.Sparse grams(SemanticHead head, String window) {
        return head.ngrams() == null ? null : head.ngrams().grams().of(window);
    }

    /**
     * The windows to read; where an encoded blob was removed, also its decoded text on its own — the host's
     * normalizer appends it after a blank line, and read together with the wrapper around the blob ("my
     * question, in base64: …") a short request in another language is outweighed by the English wrapper.
     */
    private List<String> windows(String readable, boolean hadBlobs) {
        List<String> windows = new ArrayList<>(settings.windows().of(readable));
        int decoded = readable.lastIndexOf("\n\n");
        if (!hadBlobs || decoded < 0 || readable.substring(decoded).isBlank()) {
            return windows;
        }
        windows.add(settings.windows().of(readable.substring(decoded + 2).strip()).get(0));
        return windows;
    }

    @Override
    public Set<String> categories() {
        return new LinkedHashSet<>(heads.text().labels().subList(1, heads.text().labels().size()));
    }

    @Override
    public void close() throws Exception {
        encoder.close();
    }
}
