package com.acme.veto.secrets;

import dev.veto.spi.classifier.ClassificationInput;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.signal.Signal;
import dev.veto.spi.signal.Span;
import dev.veto.spi.signal.StandardCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Reports credentials in a text as one {@code sensitive-data} signal: a span per credential, the kinds
 * found as evidence, the higher score when any is in a known format. Stateless, so safe for concurrent
 * calls; plain regular expressions, so a megabyte takes milliseconds.
 */
final class SecretsClassifier implements Classifier {

    private static final String CATEGORY = StandardCategory.SENSITIVE_DATA.id();

    private final String instanceName;
    private final List<SecretDetector> detectors;
    private final SecretsSettings settings;

    SecretsClassifier(String instanceName, SecretsSettings settings) {
        this.instanceName = instanceName;
        this.detectors = settings.detectors();
        this.settings = settings;
    }

    @Override
    public List<Signal> classify(ClassificationInput input) {
        String text = input.text();
        List<Span> spans = new ArrayList<>();
        Set<String> kinds = new TreeSet<>();
        boolean knownFormat = false;
        for (SecretDetector detector : detectors) {
            Matcher matcher = detector.pattern().matcher(text);
            while (matcher.find()) {
                int start = matcher.start();
                int end = matcher.end();
                if (!detector.knownFormat()) {
                    start = matcher.start(1);
                    end = matcher.end(1);
                    String value = matcher.group(1);
                    if (value.length() < settings.minLength() || SecretDetector.entropy(value) < settings.minEntropy()) {
                        continue; // "password = changeme" is bad practice, not a leaked secret
                    }
                }
                spans.add(new Span(start, end));
                kinds.add(detector.id());
                knownFormat |= detector.knownFormat();
            }
        }
        if (spans.isEmpty()) {
            return List.of();
        }
        double score = knownFormat ? settings.knownFormatScore() : settings.assignedScore();
        return List.of(new Signal(CATEGORY, score, knownFormat ? 0.95 : 0.7, spans, List.copyOf(kinds), instanceName));
    }

    @Override
    public Set<String> categories() {
        return Set.of(CATEGORY);
    }
}
