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
 * ({@link Glosser}), which the English encoder understands better. One signal at most — the most likely
 * category, scored with the calibrated probability that the text is not safe. The score is one
 * signal for the policy beside the lexical ones, not a decision on its own.
 */
final class SemanticClassifier implements Classifier {

    private final SentenceEncoder encoder;
    private final SemanticHead head;
    private final Glosser glosser;
    private final SemanticSettings settings;

    SemanticClassifier(SentenceEncoder encoder, SemanticHead head, Glosser glosser, SemanticSettings settings) {
        this.encoder = encoder;
        this.head = head;
        this.glosser = glosser;
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
        List<String> windows = windows(readable, readable != input.text());
        int original = windows.size();
        Optional<Glosser.Gloss> gloss = glosser.gloss(readable, input.language());
        gloss.ifPresent(english -> windows.addAll(settings.windows().of(english.text())));
        boolean worstInGloss = false;
        for (int i = 0; i < windows.size(); i++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("semantic classification interrupted");
            }
            SemanticHead.Judgement judgement = head.judge(encoder.encode(windows.get(i)), grams(windows.get(i)));
            if (i >= original) {
                judgement = judgement.atMost(settings.gloss().maxScore());
            }
            if (worst == null || judgement.unsafe() > worst.unsafe()) {
                worst = judgement;
                worstInGloss = i >= original;
            }
        }
        if (worst.unsafe() < settings.reportAbove()) {
            return List.of();
        }
        String evidence = String.format(Locale.ROOT, "minilm: p(unsafe)=%.2f, %s %.0f%%%s", worst.unsafe(),
                worst.category(), 100 * worst.categoryShare(),
                worstInGloss ? " (read in its English gloss from " + gloss.get().language() + ")" : "");
        return List.of(new Signal(worst.category(), worst.unsafe(), settings.confidence(), List.of(),
                List.of(evidence), ""));
    }

    private CharNgrams.Sparse grams(String window) {
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
        return new LinkedHashSet<>(head.labels().subList(1, head.labels().size()));
    }

    @Override
    public void close() throws Exception {
        encoder.close();
    }
}
