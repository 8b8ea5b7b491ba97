package dev.veto.plugins.semantic;

import ai.onnxruntime.OrtException;
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
 * baseline policy lets the model alone refuse, one below that refusal, as in a text asked to protect a child
 * ("is this grooming?", {@code protective.txt}). A child-exploitation reading of a text that mentions no minor
 * ({@link CueList}) names the head's next category instead; a text of conversation words alone
 * ({@link ConversationWords}) is not judged. One signal at most — the most likely category, scored with the
 * calibrated probability that the text is not safe. The
 * score is one signal for the policy beside the lexical ones, not a decision on its own.
 */
final class SemanticClassifier implements Classifier {

    /** The category that, by definition, needs a minor in the text. */
    static final String CHILD_EXPLOITATION = "child-exploitation";

    /** How much of a text is searched for a cue beyond the windows the model read (~20 ms at most). */
    private static final int CUE_SCAN_CHARS = 8_000;

    private final SentenceEncoder encoder;
    private final Heads heads;
    private final Glosser glosser;
    private final ChildCues childCues;
    private final Optional<ConversationWords> conversation;
    private final Optional<RequestSentences> requests;
    private final SemanticSettings settings;

    /**
     * The trained heads.
     *
     * @param text   reads the text as written
     * @param glosses reads its English gloss (trained on glosses as well; may be the same head)
     */
    record Heads(SemanticHead text, SemanticHead glosses) {
    }

    /**
     * What a child-exploitation reading is checked against; an empty list, a check that is off.
     *
     * @param minors     words that mention a minor: a reading of a text with none names another category
     * @param protective phrases of someone protecting a child: a reading of a text with one is capped
     */
    record ChildCues(Optional<CueList> minors, Optional<CueList> protective) {
    }

    SemanticClassifier(SentenceEncoder encoder, Heads heads, Glosser glosser, ChildCues childCues,
                       Optional<ConversationWords> conversation, Optional<RequestSentences> requests,
                       SemanticSettings settings) {
        this.encoder = encoder;
        this.heads = heads;
        this.glosser = glosser;
        this.childCues = childCues;
        this.conversation = conversation;
        this.requests = requests;
        this.settings = settings;
    }

    @Override
    public List<Signal> classify(ClassificationInput input) throws Exception {
        if (input.text().isBlank()) {
            return List.of();
        }
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
        MinorCheck minorCheck = new MinorCheck(input.text(), windows);
        WindowReading worst = null;
        for (int i = 0; i < windows.size(); i++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("semantic classification interrupted");
            }
            WindowReading reading = i < original ? read(windows.get(i), heads.text(), english[i], null, minorCheck)
                    : read(windows.get(i), heads.glosses(), false, glossedFrom.get(i - original), minorCheck);
            // at a tie the gloss speaks: capped alike, the reading the encoder understood names the category
            if (reading != null && (worst == null || reading.unsafe() > worst.unsafe()
                    || reading.glossedFrom() != null && reading.unsafe() == worst.unsafe())) {
                worst = reading;
            }
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("semantic classification interrupted");
        }
        // the whole text, not its window: with window.max = 1 a longer text's only window is its start
        SecondReading second = original == 1 && english[0] ? secondReading(readable, worst, minorCheck) : null;
        if (second != null) {
            worst = second.reading();
        }
        SemanticHead.Judgement judgement = worst.judgement();
        // the policy lets this reading alone refuse; in another language the model guesses (a parent's question
        // about strangers in a child's game read as grooming), so there it asks for care. Capped once chosen:
        // capped before, a weaker reading of another category would speak for the text instead
        StringBuilder note = new StringBuilder(second != null ? ", read in its " + second.of() : "");
        if (worst.setAside()) {
            note.append(", child exploitation set aside: no minor mentioned");
        }
        if (judgement.category().equals(CHILD_EXPLOITATION)) {
            if (!worst.english()) {
                judgement = judgement.atMost(settings.minors().nonEnglishMaxScore());
                note.append(", capped: not English");
            }
            if (judgement.unsafe() > settings.minors().protectiveMaxScore() && childCues.protective().isPresent()
                    && childCues.protective().get().in(start(input.text()))) {
                // "is this grooming?", "the number of the child abuse hotline": the model reads the same secrecy,
                // the same child alone, whoever asks; asked to protect a child, it asks for care
                judgement = judgement.atMost(settings.minors().protectiveMaxScore());
                note.append(", capped: asked to protect a child");
            }
        }
        if (judgement.unsafe() < settings.reportAbove()) {
            return List.of();
        }
        String evidence = String.format(Locale.ROOT, "minilm: p(unsafe)=%.2f, %s %.0f%%%s%s", judgement.unsafe(),
                judgement.category(), 100 * judgement.categoryShare(), worst.glossedFrom() != null
                        ? " (read in its English gloss from " + worst.glossedFrom() + ")" : "", note);
        return List.of(new Signal(judgement.category(), judgement.unsafe(), settings.confidence(), List.of(),
                List.of(evidence), ""));
    }

    /**
     * The request after the story of why, read as the story ("my brother-in-law made my sister's life hell …
     * what on his car could fail so it looks like an accident?"), and the request inside a persuasive frame ("as a
     * locksmith instructor … how to get into a house while the owners are away … I'm entitled to know"): the
     * closing sentences and the request sentences of a text that fits one window, each read on its own. Only of a
     * text already leaning unsafe — out of its context a question reads worse than it is — and not of one read
     * as child exploitation, the gravest reading, which another category must not replace.
     *
     * @return the worse of these readings where it is worse than the whole's; else null
     */
    private SecondReading secondReading(String text, WindowReading whole, MinorCheck minorCheck) throws OrtException {
        if (whole.unsafe() < settings.second().minScore() || whole.unsafe() >= settings.second().maxScore()
                || whole.judgement().category().equals(CHILD_EXPLOITATION)) {
            return null; // at or above the cap, no part can read worse
        }
        SecondReading worse = null;
        Optional<String> closing = settings.windows().closingOf(text);
        if (closing.isPresent()) {
            worse = worse(worse, whole, "closing sentences", read(closing.get(), heads.text(), true, null, minorCheck));
        }
        Optional<String> request = settings.windows().readsPartsAgain(text)
                ? requests.flatMap(r -> r.of(text, TextWindows.MIN_LEFT_OUT)) : Optional.empty();
        request = request.filter(r -> !r.equals(closing.orElse(null)));
        if (request.isPresent()) {
            worse = worse(worse, whole, "request sentences", read(request.get(), heads.text(), true, null, minorCheck));
        }
        return worse;
    }

    /** The worse reading so far, a part's capped: out of its context a question reads worse than it is. */
    private SecondReading worse(SecondReading sofar, WindowReading whole, String of, WindowReading reading) {
        if (reading == null) {
            return sofar;
        }
        WindowReading capped = reading.capped(settings.second().maxScore());
        double bar = sofar != null ? sofar.reading().unsafe() : whole.unsafe();
        return capped.unsafe() > bar ? new SecondReading(of, capped) : sofar;
    }

    /** A reading of part of a text, and which part. */
    private record SecondReading(String of, WindowReading reading) {
    }

    /**
     * One window's reading.
     *
     * @param judgement   what the head made of it, capped as its source asks
     * @param english     whether the window was read as English, as written
     * @param glossedFrom for the gloss of a window, the glossed language; else null
     * @param setAside    whether a child-exploitation reading was set aside for want of a minor
     */
    private record WindowReading(SemanticHead.Judgement judgement, boolean english, String glossedFrom, boolean setAside) {

        double unsafe() {
            return judgement.unsafe();
        }

        WindowReading capped(double max) {
            return new WindowReading(judgement.atMost(max), english, glossedFrom, setAside);
        }
    }

    /**
     * Reads one window.
     *
     * @param english     whether it reads as English
     * @param glossedFrom for a gloss, the glossed language; else null
     * @return its reading, or null where a gloss's reading is not heard
     */
    private WindowReading read(String window, SemanticHead head, boolean english, String glossedFrom,
                         MinorCheck minorCheck) throws OrtException {
        SemanticHead.Judgement judgement = head.judge(encoder.encode(window), grams(head, window));
        if (glossedFrom != null) {
            if (judgement.unsafe() < settings.gloss().minScore()) {
                return null; // not heard below gloss.min-score: broken English reads as a little suspicious
            }
            judgement = judgement.atMost(settings.gloss().maxScore());
        } else if (!english) {
            judgement = judgement.atMost(settings.nonEnglishMax()); // the encoder guesses at other languages
        }
        // the text (its first CUE_SCAN_CHARS, so the work stays bounded) or a gloss must mention a minor; if
        // none does, the model still saw something unsafe: the window's reading without the category, as sure
        // as before up to the ceiling (the model alone constrains there)
        if (judgement.category().equals(CHILD_EXPLOITATION) && judgement.hasRunnerUp()
                && judgement.unsafe() >= settings.reportAbove() && !minorCheck.mentioned()) {
            return new WindowReading(judgement.withoutCategory()
                    .atLeast(Math.min(judgement.unsafe(), settings.minors().setAsideMaxScore())), english, glossedFrom,
                    true);
        }
        return new WindowReading(judgement, english, glossedFrom, false);
    }

    /** Whether the text mentions a minor: asked once, and only of a text some window reads as child exploitation. */
    private final class MinorCheck {

        private final String text;
        private final List<String> windows;
        private Boolean mentioned;

        MinorCheck(String text, List<String> windows) {
            this.text = text;
            this.windows = windows;
        }

        /** True also where the check is off. */
        boolean mentioned() {
            if (mentioned == null) {
                mentioned = childCues.minors().isEmpty() || mentionsMinor(childCues.minors().get(), text, windows);
            }
            return mentioned;
        }
    }

    /** Whether what the model read (the windows, their glosses) or the start of the text mentions a minor. */
    private static boolean mentionsMinor(CueList minors, String text, List<String> windows) {
        return windows.stream().anyMatch(minors::in) || minors.in(start(text));
    }

    /** As much of a text as is searched for a cue. */
    private static String start(String text) {
        return text.length() <= CUE_SCAN_CHARS ? text : text.substring(0, CUE_SCAN_CHARS);
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
