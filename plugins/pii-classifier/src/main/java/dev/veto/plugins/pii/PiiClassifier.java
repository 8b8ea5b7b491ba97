package dev.veto.plugins.pii;

import dev.veto.spi.classifier.ClassificationInput;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.signal.Signal;
import dev.veto.spi.signal.Span;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reports personal data and secrets as one signal per category: {@code privacy} (e-mail, phone, IBAN,
 * national identifiers, IP addresses) and {@code sensitive-data} (credentials, payment cards), each with a
 * span per finding — what redaction masks — and the kinds found as evidence. The score is the highest of
 * the kinds found; values themselves never leave the classifier. Stateless and thread-safe.
 */
final class PiiClassifier implements Classifier {

    private final String instanceName;
    private final PiiSettings settings;
    private final PhoneDetector phones;

    PiiClassifier(String instanceName, PiiSettings settings) {
        this.instanceName = instanceName;
        this.settings = settings;
        this.phones = new PhoneDetector(settings.phoneRegion());
        warmUp();
    }

    /**
     * Runs every detector once at creation: libphonenumber loads a region's metadata on the first number it
     * reads, and in a cold JVM that first call can outlast the input stage's deadline — which, fail-closed,
     * refuses the first request with a number after start-up.
     */
    private void warmUp() {
        find("Call +1 650-253-0000 or (212) 555-0142, +44 20 7946 0958; mail ada@example.org; card 4111 1111 1111 1111;"
                + " IBAN DE89 3704 0044 0532 0130 00; SSN 078-05-1120; host 192.0.2.7; key sk-abcdefghijklmnopqrstuvwx");
    }

    @Override
    public List<Signal> classify(ClassificationInput input) {
        List<Finding> findings = find(input.text());
        if (findings.isEmpty()) {
            return List.of();
        }
        Map<String, List<Finding>> byCategory = new TreeMap<>();
        for (Finding finding : findings) {
            byCategory.computeIfAbsent(finding.kind().category(), c -> new ArrayList<>()).add(finding);
        }
        List<Signal> signals = new ArrayList<>(byCategory.size());
        byCategory.forEach((category, found) -> {
            Set<String> kinds = new TreeSet<>();
            double score = 0;
            List<Span> spans = new ArrayList<>(found.size());
            for (Finding finding : found) {
                kinds.add(finding.kind().id());
                score = Math.max(score, settings.score(finding.kind()));
                spans.add(new Span(finding.start(), finding.end()));
            }
            signals.add(new Signal(category, score, settings.confidence(), spans, List.copyOf(kinds), instanceName));
        });
        return signals;
    }

    /** Every finding of the enabled kinds, in text order, an overlapped one dropped (a card inside an IBAN). */
    List<Finding> find(String text) {
        List<Finding> all = new ArrayList<>();
        Set<PiiKind> kinds = settings.kinds();
        // one scan decides which detectors can match at all: most prompts hold no digit, '@' or key prefix,
        // and skip the regular expressions entirely
        int digits = 0;
        boolean at = false;
        boolean colon = false;
        boolean secretCue = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '@') {
                at = true;
            } else if (c == ':') {
                colon = true;
            } else if (Detectors.isSecretPrefixCue(c)) {
                secretCue = true;
            }
        }
        if (secretCue && kinds.contains(PiiKind.SECRET) && Detectors.mayHoldSecret(text)) {
            Detectors.SECRETS.forEach(d -> d.find(text, all));
        }
        if (kinds.contains(PiiKind.EMAIL) && at) {
            Detectors.EMAIL.find(text, all);
        }
        if (digits >= 2 && kinds.contains(PiiKind.IBAN)) {
            Detectors.IBAN.find(text, all);
        }
        if (digits >= 13 && kinds.contains(PiiKind.PAYMENT_CARD)) {
            Detectors.PAYMENT_CARD.find(text, all);
        }
        if (digits >= 6 && kinds.contains(PiiKind.NATIONAL_ID)) {
            Detectors.NATIONAL_IDS.forEach(d -> d.find(text, all));
        }
        if (kinds.contains(PiiKind.IP_ADDRESS)) {
            if (digits >= 4) {
                Detectors.IP_ADDRESSES.get(0).find(text, all);
            }
            if (colon) {
                Detectors.IP_ADDRESSES.get(1).find(text, all);
            }
        }
        if (digits >= 6 && kinds.contains(PiiKind.PHONE)) {
            phones.find(text, all);
        }
        return withoutOverlaps(all);
    }

    /**
     * Earlier detectors are more specific: where two findings overlap, the first one found stays. Kept
     * findings never overlap, so one look at the nearest kept finding before each candidate's end decides
     * (a sorted map: a text with a hundred thousand e-mail addresses stays linear-logarithmic).
     */
    private static List<Finding> withoutOverlaps(List<Finding> findings) {
        java.util.TreeMap<Integer, Finding> kept = new java.util.TreeMap<>();
        for (Finding candidate : findings) {
            if (candidate.end() <= candidate.start()) {
                continue;
            }
            java.util.Map.Entry<Integer, Finding> before = kept.floorEntry(candidate.end() - 1);
            if (before == null || before.getValue().end() <= candidate.start()) {
                kept.put(candidate.start(), candidate);
            }
        }
        return new ArrayList<>(kept.values());
    }

    @Override
    public Set<String> categories() {
        Set<String> categories = new TreeSet<>();
        settings.kinds().forEach(kind -> categories.add(kind.category()));
        return categories;
    }

    /** The kinds this instance looks for, for tests. */
    Map<PiiKind, Double> scores() {
        Map<PiiKind, Double> scores = new EnumMap<>(PiiKind.class);
        settings.kinds().forEach(kind -> scores.put(kind, settings.score(kind)));
        return scores;
    }
}
