package dev.veto.core.chain;

import dev.veto.core.component.Component;
import dev.veto.core.normalize.NormalizedText;
import dev.veto.core.trace.ComponentCall;
import dev.veto.spi.classifier.ClassificationInput;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.request.Request;
import dev.veto.spi.signal.Signal;
import dev.veto.spi.signal.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the classifiers of one stage in parallel under the stage's deadline and collects their signals,
 * attributed to the instance that produced them and with spans mapped back to the original text.
 */
final class Classification {

    private final Guard guard;
    private final List<Component<Classifier>> classifiers;
    private final Stage stage;
    private final StageSettings settings;

    Classification(Guard guard, List<Component<Classifier>> all, Stage stage, StageSettings settings) {
        this.guard = guard;
        this.classifiers = all.stream().filter(c -> c.stages().contains(stage)).toList();
        this.stage = stage;
        this.settings = settings;
    }

    /** The signals and the traced calls of one classification. */
    record Outcome(List<Signal> signals, List<ComponentCall> calls) {
    }

    boolean isEmpty() {
        return classifiers.isEmpty();
    }

    Outcome run(NormalizedText text, String language, Request request) {
        ClassificationInput input = new ClassificationInput(stage, text.text(), language, request);
        int length = text.text().length();
        List<Guard.Result<List<Signal>>> results = guard.callAll(classifiers, settings,
                classifier -> classifier.classify(input), signals -> invalid(signals, length));
        List<Signal> all = new ArrayList<>();
        List<ComponentCall> calls = new ArrayList<>(results.size());
        for (Guard.Result<List<Signal>> result : results) {
            ComponentCall call = result.call();
            if (result.value() == null) {
                calls.add(call);
                continue;
            }
            List<Signal> attributed = result.value().stream()
                    .map(s -> s.withClassifier(call.component()).withSpans(s.spans().stream().map(text::toOriginal).toList()))
                    .toList();
            all.addAll(attributed);
            calls.add(new ComponentCall(call.component(), call.plugin(), call.outcome(), call.elapsed(), attributed,
                    call.error(), call.failureMode()));
        }
        return new Outcome(all, calls);
    }

    /** A classifier's answer is only trusted if it is well-formed. */
    private static String invalid(List<Signal> signals, int textLength) {
        if (signals == null) {
            return "null instead of a list of signals";
        }
        for (Signal signal : signals) {
            if (signal == null) {
                return "a null signal";
            }
            for (Span span : signal.spans()) {
                if (!span.fitsIn(textLength)) {
                    return "span [" + span.start() + ", " + span.end() + ") lies outside the text of length " + textLength;
                }
            }
        }
        return null;
    }
}
