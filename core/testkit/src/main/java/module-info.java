/**
 * Contract tests for Veto plugins: extend {@link dev.veto.testkit.ClassifierContract},
 * {@link dev.veto.testkit.GeneratorContract}, {@link dev.veto.testkit.RetrieverContract} or
 * {@link dev.veto.testkit.EscalatorContract} in a plugin's test sources and JUnit 5 runs every check.
 */
module dev.veto.testkit {
    requires transitive dev.veto.spi;
    requires transitive org.junit.jupiter.api;

    exports dev.veto.testkit;
}
