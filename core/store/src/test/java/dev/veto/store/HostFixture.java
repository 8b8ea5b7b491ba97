package dev.veto.store;

import dev.veto.core.Veto;
import dev.veto.spi.signal.Signal;
import dev.veto.spi.signal.Span;
import dev.veto.testkit.PolicyFixture;
import dev.veto.testkit.TestClassifiers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host with the store attached, two in-process classifiers (an e-mail finder with spans, and one that
 * flags "custody" as specialized advice), and the bundled policy changed to escalate specialized advice.
 */
public final class HostFixture {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");

    private HostFixture() {
    }

    public static Veto start(Store store, Path home) {
        PolicyFixture.copyBundled(home.resolve("conf/policy"))
                .append("policy.conf", "categories.specialized-advice.escalate = 0.65");
        return store.attach(Veto.builder().home(home))
                .classifierFactory(TestClassifiers.of("emails", Set.of("privacy"), input -> {
                    List<Span> spans = new ArrayList<>();
                    Matcher m = EMAIL.matcher(input.text());
                    while (m.find()) {
                        spans.add(new Span(m.start(), m.end()));
                    }
                    return spans.isEmpty() ? List.of() : List.of(Signal.of("privacy", 0.3).withSpans(spans));
                }))
                .classifierFactory(TestClassifiers.flagging("advice", "custody", "specialized-advice", 0.7))
                .setting("veto.classifiers.emails.factory", "emails")
                .setting("veto.classifiers.advice.factory", "advice")
                .setting("veto.escalators.humans.factory", "review-queue")
                .setting("veto.chain.escalate.escalator", "humans")
                .build();
    }
}
