package dev.veto.spi.signal;

import java.util.List;
import java.util.Objects;

/**
 * One finding of a classifier: the text shows {@code category} with some score.
 *
 * <p>Scores are calibrated probabilities-like values in {@code [0, 1]} that the policy compares with its
 * thresholds; {@code confidence} says how sure the classifier is of its own score (a lexical match may be
 * certain of a weak score). The host sets {@link #classifier()} to the configured instance name of the
 * classifier that produced the signal, whatever the classifier wrote there.
 *
 * @param category   a category id of the taxonomy, e.g. {@code indiscriminate-weapons}; see
 *                   {@link StandardCategory}
 * @param score      how strongly the text shows the category, in {@code [0, 1]}
 * @param confidence how reliable the score is, in {@code [0, 1]}
 * @param spans      where in the classified text the evidence lies; may be empty
 * @param evidence   short operator-facing notes of what was found (matched terms, rule names); may be empty
 * @param classifier the instance name of the classifier that produced it; set by the host
 */
public record Signal(String category, double score, double confidence, List<Span> spans, List<String> evidence,
                     String classifier) {

    /**
     * Validates ranges and copies the lists.
     *
     * @param category   a category id of the taxonomy, e.g. {@code indiscriminate-weapons}; see
     *              {@link StandardCategory}
     * @param score      how strongly the text shows the category, in {@code [0, 1]}
     * @param confidence how reliable the score is, in {@code [0, 1]}
     * @param spans      where in the classified text the evidence lies; may be empty
     * @param evidence   short operator-facing notes of what was found (matched terms, rule names); may be empty
     * @param classifier the instance name of the classifier that produced it; set by the host
     * @throws IllegalArgumentException if the category is blank or a score lies outside {@code [0, 1]}
     */
    public Signal {
        Objects.requireNonNull(category, "category");
        if (category.isBlank()) {
            throw new IllegalArgumentException("category must not be blank");
        }
        requireUnit("score", score);
        requireUnit("confidence", confidence);
        spans = spans == null ? List.of() : List.copyOf(spans);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        classifier = classifier == null ? "" : classifier;
    }

    private static void requireUnit(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1], was " + value);
        }
    }

    /**
     * A signal with full confidence and no spans or evidence.
     *
     * @param category the category id
     * @param score    the score in {@code [0, 1]}
     * @return the signal
     */
    public static Signal of(String category, double score) {
        return new Signal(category, score, 1.0, List.of(), List.of(), "");
    }

    /**
     * A copy of this signal with the given spans.
     *
     * @param newSpans the spans
     * @return the copy
     */
    public Signal withSpans(List<Span> newSpans) {
        return new Signal(category, score, confidence, newSpans, evidence, classifier);
    }

    /**
     * A copy of this signal with the given evidence.
     *
     * @param newEvidence the evidence notes
     * @return the copy
     */
    public Signal withEvidence(List<String> newEvidence) {
        return new Signal(category, score, confidence, spans, newEvidence, classifier);
    }

    /**
     * A copy of this signal with the given confidence.
     *
     * @param newConfidence the confidence in {@code [0, 1]}
     * @return the copy
     */
    public Signal withConfidence(double newConfidence) {
        return new Signal(category, score, newConfidence, spans, evidence, classifier);
    }

    /**
     * A copy of this signal attributed to the given classifier instance.
     *
     * @param instanceName the configured instance name
     * @return the copy
     */
    public Signal withClassifier(String instanceName) {
        return new Signal(category, score, confidence, spans, evidence, instanceName);
    }
}
