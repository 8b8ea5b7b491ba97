/**
 * The Veto SPI: the contract plugins compile against.
 *
 * <p>A plugin contributes one or more factories — {@link dev.veto.spi.classifier.ClassifierFactory},
 * {@link dev.veto.spi.retriever.RetrieverFactory}, {@link dev.veto.spi.generator.GeneratorFactory},
 * {@link dev.veto.spi.escalator.EscalatorFactory} — each chosen by name in the host's configuration and
 * creating component instances from their own configuration subtree. Every value crossing the boundary is
 * an immutable record; interfaces evolve through {@code default} methods only.
 *
 * <p>The SPI depends on Typesafe Config alone and holds no Guice, PF4J or logging-backend types.
 */
module dev.veto.spi {
    requires transitive typesafe.config;

    exports dev.veto.spi;
    exports dev.veto.spi.request;
    exports dev.veto.spi.signal;
    exports dev.veto.spi.policy;
    exports dev.veto.spi.classifier;
    exports dev.veto.spi.retriever;
    exports dev.veto.spi.generator;
    exports dev.veto.spi.escalator;
}
