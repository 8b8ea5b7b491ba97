package dev.veto.core.testing;

/** Java sources of test plugins' classifiers: each a factory whose classifier misbehaves in one way. */
public final class Sources {

    private Sources() {
    }

    /**
     * A classifier factory named {@code name} in package {@code pkg}; {@code body} is the body of
     * {@code classify(ClassificationInput input)} and must return a {@code List<Signal>}.
     */
    public static String classifierFactory(String pkg, String className, String name, String body) {
        return """
                package %s;

                import dev.veto.spi.ComponentContext;
                import dev.veto.spi.classifier.*;
                import dev.veto.spi.signal.*;
                import java.util.List;

                public final class %s implements ClassifierFactory {
                    @Override public String name() { return "%s"; }
                    @Override public Classifier create(ComponentContext context) {
                        return input -> { %s };
                    }
                }
                """.formatted(pkg, className, name, body);
    }

    /** A classifier that reports {@code category} with score 0.9 and a span when the text contains {@code word}. */
    public static String wordClassifier(String pkg, String className, String name, String word, String category) {
        return classifierFactory(pkg, className, name, """
                int at = input.text().indexOf("%s");
                if (at < 0) return List.of();
                return List.of(Signal.of("%s", 0.9).withSpans(List.of(new Span(at, at + %d))).withEvidence(List.of("word %s")));
                """.formatted(word, category, word.length(), word));
    }
}
