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
        this(guard, all, stage, settings, component -> true);
    }

    /** The classifiers of one stage that {@code include} accepts (one tier of the input cascade). */
    Classification(Guard guard, List<Component<Classifier>> all, Stage stage, StageSettings settings,
                   java.util.function.Predicate<Component<Classifier>> include) {
        this.guard = guard;
        this.classifiers = all.stream().filter(c -> c.stages().contains(stage)).filter(include).toList();
        this.stage = stage;
        this.settings = settings;
    }

    /** The signals and the traced calls of one classification. */
    record Outcome(List<Signal> signals, List<ComponentCall> calls) {
    }

    boolean isEmpty() {
        return classifiers.isEmpty();
    }

    /** The most signals one classifier may report for one text. */
    static final int MAX_SIGNALS = 256;

    Outcome run(NormalizedText text, String language, Request request) {
        ClassificationInput input = new ClassificationInput(stage, text.text(), language, request);
        List<Guard.Result<List<Signal>>> results = guard.callAll(classifiers, settings,
                classifier -> classifier.classify(input), signals -> checked(signals, text));
        List<Signal> all = new ArrayList<>();
        List<ComponentCall> calls = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            Guard.Result<List<Signal>> result = results.get(i);
            ComponentCall call = result.call();
            if (result.value() == null) {
                calls.add(call);
                continue;
            }
            List<Signal> attributed = new ArrayList<>(result.value().size());
            for (Signal signal : result.value()) {
                attributed.add(signal.withClassifier(call.component()));
            }
            all.addAll(attributed);
            calls.add(new ComponentCall(call.component(), call.plugin(), call.outcome(), call.elapsed(), attributed,
                    call.error(), call.failureMode()));
        }
        return new Outcome(all, calls);
    }

    /**
     * A classifier's answer is only trusted if it is well-formed. Runs on the plugin thread: the list is the
     * plugin's and may be hostile (endless, changing); the copy returned is the host's, with spans mapped to
     * the original text.
     */
    private static List<Signal> checked(List<Signal> signals, NormalizedText text) {
        if (signals == null) {
            throw new Guard.InvalidResult("null instead of a list of signals");
        }
        int size = signals.size();
        if (size > MAX_SIGNALS) {
            throw new Guard.InvalidResult(size + " signals; at most " + MAX_SIGNALS + " are accepted");
        }
        int length = text.text().length();
        List<Signal> copy = new ArrayList<>(size);
        for (Signal signal : signals) {
            if (signal == null) {
                throw new Guard.InvalidResult("a null signal");
            }
            List<dev.veto.spi.signal.Span> mapped = new ArrayList<>(signal.spans().size());
            for (Span span : signal.spans()) {
                if (!span.fitsIn(length)) {
                    throw new Guard.InvalidResult("span [" + span.start() + ", " + span.end()
                            + ") lies outside the text of length " + length);
                }
                mapped.add(text.toOriginal(span));
            }
            copy.add(signal.withSpans(mapped));
            if (copy.size() > MAX_SIGNALS) {
                throw new Guard.InvalidResult("more signals than its size said");
            }
        }
        return List.copyOf(copy);
    }
}
