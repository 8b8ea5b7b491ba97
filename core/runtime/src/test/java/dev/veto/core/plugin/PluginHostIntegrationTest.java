package dev.veto.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veto.core.Decision;
import dev.veto.core.PluginInfo;
import dev.veto.core.Veto;
import dev.veto.core.VetoStartupException;
import dev.veto.core.testing.Sources;
import dev.veto.core.testing.TestPlugin;
import dev.veto.core.trace.CallOutcome;
import dev.veto.core.trace.ComponentCall;
import dev.veto.spi.policy.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packages real plugins (jar and zip), drops them into a plugins folder and starts the host on it: the
 * signals arrive, and each kind of broken plugin gets a clear message while the host keeps serving.
 */
class PluginHostIntegrationTest {

    @TempDir
    Path home;

    Path plugins;

    @BeforeEach
    void createPluginsFolder() throws IOException {
        plugins = Files.createDirectories(home.resolve("plugins"));
    }

    private static TestPlugin wordPlugin(String id, String factoryName, String word) {
        String pkg = "test." + id.replace('-', '_');
        return TestPlugin.withId(id).source(pkg + ".WordFactory",
                Sources.wordClassifier(pkg, "WordFactory", factoryName, word, "hate"), true);
    }

    private Veto start(Map<String, Object> settings) {
        Veto.Builder builder = Veto.builder().home(home);
        settings.forEach(builder::setting);
        return builder.build();
    }

    private static ComponentCall inputCall(Decision decision, String component) {
        return decision.trace().stage("classify-input").orElseThrow().calls().stream()
                .filter(c -> c.component().equals(component)).findFirst().orElseThrow();
    }

    @Test
    void signalsOfAPackagedZipPluginReachTheDecision() {
        wordPlugin("word-zip", "word", "forbidden").writeZip(plugins, "word-zip-1.0.0");

        try (Veto veto = start(Map.of("veto.classifiers.words.factory", "word"))) {
            Decision flagged = veto.check("this text is forbidden here");
            assertThat(flagged.verdict()).isEqualTo(Verdict.REFUSE);
            assertThat(flagged.categories()).containsExactly("hate");
            ComponentCall call = inputCall(flagged, "words");
            assertThat(call.plugin()).isEqualTo("word-zip");
            assertThat(call.outcome()).isEqualTo(CallOutcome.OK);
            assertThat(call.signals()).singleElement().satisfies(s -> {
                assertThat(s.classifier()).isEqualTo("words");
                assertThat(s.evidence()).containsExactly("word forbidden");
            });
            assertThat(veto.check("a harmless question").verdict()).isEqualTo(Verdict.ALLOW);
            assertThat(veto.plugins()).singleElement().satisfies(p -> {
                assertThat(p.state()).isEqualTo("STARTED");
                assertThat(p.factories()).containsExactly("classifier:word");
                assertThat(p.problems()).isEmpty();
            });
        }
    }

    @Test
    void aJarPluginLoadsToo() {
        wordPlugin("word-jar", "word", "forbidden").writeJar(plugins, "word-jar");
        try (Veto veto = start(Map.of("veto.classifiers.words.factory", "word"))) {
            assertThat(veto.check("forbidden").verdict()).isEqualTo(Verdict.REFUSE);
        }
    }

    @Test
    void aThrowingClassifierFailsClosedByDefaultAndOpenWhereConfigured() {
        TestPlugin.withId("thrower").source("test.thrower.Factory", Sources.classifierFactory("test.thrower", "Factory",
                "thrower", "throw new IllegalStateException(\"boom\");"), true).writeJar(plugins, "thrower");

        try (Veto veto = start(Map.of("veto.classifiers.t.factory", "thrower"))) {
            Decision decision = veto.check("anything at all");
            assertThat(decision.verdict()).isEqualTo(Verdict.REFUSE);
            assertThat(decision.rule()).isEqualTo("failure/t");
            assertThat(decision.reply().message()).contains("couldn't complete a safety check");
            assertThat(inputCall(decision, "t").outcome()).isEqualTo(CallOutcome.FAILED);
            assertThat(inputCall(decision, "t").error()).contains("IllegalStateException: boom");
        }
        try (Veto veto = start(Map.of("veto.classifiers.t.factory", "thrower", "veto.classifiers.t.on-failure", "fail-open"))) {
            Decision decision = veto.check("anything at all");
            assertThat(decision.verdict()).isEqualTo(Verdict.ALLOW);
            assertThat(decision.reason()).contains("t failed").contains("fail-open");
        }
    }

    @Test
    void aHangingClassifierTimesOutAtTheDeadlineAndTheHostKeepsServing() {
        TestPlugin.withId("sleeper").source("test.sleeper.Factory", Sources.classifierFactory("test.sleeper", "Factory",
                "sleeper", """
                        long end = System.nanoTime() + 5_000_000_000L; // ignores interruption for 5 s
                        while (System.nanoTime() < end) { java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); }
                        return List.of();"""), true).writeJar(plugins, "sleeper");
        wordPlugin("words", "word", "forbidden").writeJar(plugins, "words");

        try (Veto veto = start(Map.of("veto.classifiers.slow.factory", "sleeper", "veto.classifiers.w.factory", "word",
                "veto.chain.input.deadline", "500ms", "veto.plugin-host.warm-up-timeout", "200ms"))) {
            long started = System.nanoTime();
            Decision decision = veto.check("forbidden words");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isLessThan(Duration.ofSeconds(2));
            assertThat(inputCall(decision, "slow").outcome()).isEqualTo(CallOutcome.TIMED_OUT);
            assertThat(inputCall(decision, "w").outcome()).isEqualTo(CallOutcome.OK);
            assertThat(decision.verdict()).isEqualTo(Verdict.REFUSE);
            assertThat(decision.reason()).contains("slow timed out");
        }
    }

    @Test
    void aPluginThatNeedsANewerSpiIsRefusedWithAClearMessageAndTheOthersLoad() {
        wordPlugin("future", "future-word", "x").requires(">=2.0.0").writeJar(plugins, "future");
        wordPlugin("words", "word", "forbidden").writeJar(plugins, "words");

        try (Veto veto = start(Map.of("veto.classifiers.w.factory", "word"))) {
            PluginInfo future = plugin(veto, "future");
            assertThat(future.state()).isEqualTo("INCOMPATIBLE");
            assertThat(future.problems()).singleElement().asString()
                    .contains("requires SPI >=2.0.0 but this host implements SPI 1.3.0");
            assertThat(plugin(veto, "words").state()).isEqualTo("STARTED");
            assertThat(veto.check("forbidden").verdict()).isEqualTo(Verdict.REFUSE);
        }
    }

    @Test
    void aCorruptArchiveIsReportedAndTheOthersLoad() throws IOException {
        byte[] garbage = new byte[2048];
        new Random(7).nextBytes(garbage);
        Files.write(plugins.resolve("broken-1.0.zip"), garbage);
        Files.write(plugins.resolve("truncated.jar"), new byte[] {'P', 'K', 3, 4, 0});
        wordPlugin("words", "word", "forbidden").writeZip(plugins, "words");

        try (Veto veto = start(Map.of("veto.classifiers.w.factory", "word"))) {
            assertThat(plugin(veto, "broken-1.0.zip").state()).isEqualTo("INVALID");
            assertThat(plugin(veto, "broken-1.0.zip").problems()).singleElement().asString().startsWith("corrupt plugin archive");
            assertThat(plugin(veto, "truncated.jar").problems()).singleElement().asString().contains("no valid plugin descriptor");
            assertThat(veto.check("forbidden").verdict()).isEqualTo(Verdict.REFUSE);
        }
    }

    @Test
    void twoPluginsWithOneIdLoadTheFirstAndReportTheSecond() {
        wordPlugin("same", "word", "forbidden").writeJar(plugins, "a-same");
        wordPlugin("same", "other-word", "forbidden").writeJar(plugins, "b-same");

        try (Veto veto = start(Map.of("veto.classifiers.w.factory", "word"))) {
            List<PluginInfo> all = veto.plugins();
            assertThat(all).hasSize(2);
            assertThat(all.get(0).state()).isEqualTo("STARTED");
            assertThat(all.get(1).problems()).singleElement().asString()
                    .contains("plugin id 'same' is already used by a-same.jar");
            assertThat(veto.check("forbidden").verdict()).isEqualTo(Verdict.REFUSE);
        }
    }

    @Test
    void twoPluginsProvidingOneFactoryNameStopStartUpNamingBoth() {
        wordPlugin("first", "word", "a").writeJar(plugins, "first");
        wordPlugin("second", "word", "b").writeJar(plugins, "second");

        assertThatThrownBy(() -> start(Map.of()))
                .isInstanceOf(VetoStartupException.class)
                .hasMessageContaining("classifier factory 'word' is provided by both plugin 'first' and plugin 'second'");
    }

    @Test
    void aPluginWithoutExtensionIndexIsReported() {
        wordPlugin("unindexed", "word", "x").withoutExtensionIndex().writeJar(plugins, "unindexed");
        try (Veto veto = start(Map.of())) {
            assertThat(plugin(veto, "unindexed").problems()).singleElement().asString()
                    .contains("META-INF/extensions.idx");
        }
    }

    /**
     * A classifier whose first call loads something lazily (here: sleeps 1.5 s) would make the first request
     * after every start-up outlast the deadline and meet the stage's failure behaviour; the host's warm-up
     * call pays for it at start-up instead.
     */
    @Test
    void aClassifierSlowOnlyOnItsFirstCallIsWarmedUpSoTheFirstRequestMeetsTheDeadline() {
        TestPlugin.withId("cold").source("test.cold.Factory", """
                package test.cold;
                import dev.veto.spi.ComponentContext;
                import dev.veto.spi.classifier.*;
                import dev.veto.spi.signal.Signal;
                import java.util.List;
                import java.util.concurrent.atomic.AtomicBoolean;
                public final class Factory implements ClassifierFactory {
                    public String name() { return "cold"; }
                    public Classifier create(ComponentContext context) {
                        AtomicBoolean cold = new AtomicBoolean(true);
                        return input -> {
                            if (cold.getAndSet(false)) {
                                Thread.sleep(1500);
                            }
                            return input.text().contains("forbidden") ? List.of(Signal.of("hate", 0.9)) : List.of();
                        };
                    }
                }""", true).writeJar(plugins, "cold");
        Map<String, Object> settings = Map.of("veto.classifiers.c.factory", "cold", "veto.chain.input.deadline", "500ms");

        try (Veto veto = start(settings)) {
            Decision first = veto.check("a harmless question");
            assertThat(inputCall(first, "c").outcome()).isEqualTo(CallOutcome.OK);
            assertThat(first.verdict()).isEqualTo(Verdict.ALLOW);
            assertThat(veto.check("forbidden").verdict()).isEqualTo(Verdict.REFUSE);
        }
        Map<String, Object> withoutWarmUp = new java.util.HashMap<>(settings);
        withoutWarmUp.put("veto.classifiers.c.warm-up", false);
        try (Veto veto = start(withoutWarmUp)) {
            Decision first = veto.check("a harmless question");
            assertThat(inputCall(first, "c").outcome()).isEqualTo(CallOutcome.TIMED_OUT);
            assertThat(first.verdict()).isEqualTo(Verdict.REFUSE); // fail-closed: what the warm-up spares users
        }
    }

    @Test
    void aComponentWhoseFactoryFailsIsUnavailableAndFailsClosed() {
        TestPlugin.withId("picky").source("test.picky.Factory", """
                package test.picky;
                import dev.veto.spi.ComponentContext;
                import dev.veto.spi.classifier.*;
                public final class Factory implements ClassifierFactory {
                    public String name() { return "picky"; }
                    public Classifier create(ComponentContext context) {
                        throw new IllegalArgumentException("setting 'model' is required");
                    }
                }""", true).writeJar(plugins, "picky");

        try (Veto veto = start(Map.of("veto.classifiers.p.factory", "picky"))) {
            assertThat(veto.components()).singleElement().asString().contains("unavailable")
                    .contains("setting 'model' is required");
            Decision decision = veto.check("hello");
            assertThat(decision.verdict()).isEqualTo(Verdict.REFUSE);
            assertThat(inputCall(decision, "p").outcome()).isEqualTo(CallOutcome.UNAVAILABLE);
        }
    }

    @Test
    void aComponentNamingAMissingFactoryFailsClosedNotSilently() {
        try (Veto veto = start(Map.of("veto.classifiers.ghost.factory", "not-installed"))) {
            Decision decision = veto.check("hello");
            assertThat(decision.verdict()).isEqualTo(Verdict.REFUSE);
            assertThat(inputCall(decision, "ghost").error()).contains("no classifier factory named 'not-installed'");
        }
    }

    @Test
    void pluginsSeeOnlyTheSpiAndAllowlistedPackagesOfTheHost() {
        TestPlugin.withId("probe").source("test.probe.Factory", Sources.classifierFactory("test.probe", "Factory", "probe", """
                String guice;
                try { Class.forName("com.google.inject.Guice", false, getClass().getClassLoader()); guice = "visible"; }
                catch (ClassNotFoundException e) { guice = "hidden"; }
                String spi = dev.veto.spi.SpiVersion.class.getClassLoader() == Classifier.class.getClassLoader() ? "shared" : "copied";
                return List.of(Signal.of("probe", 0.1).withEvidence(List.of("guice " + guice, "spi " + spi)));"""), true)
                .writeJar(plugins, "probe");

        try (Veto veto = start(Map.of("veto.classifiers.probe.factory", "probe"))) {
            Decision decision = veto.check("hello");
            assertThat(inputCall(decision, "probe").signals()).singleElement()
                    .satisfies(s -> assertThat(s.evidence()).containsExactly("guice hidden", "spi shared"));
            assertThat(inputCall(decision, "probe").signals().get(0).getClass().getClassLoader())
                    .isSameAs(dev.veto.spi.signal.Signal.class.getClassLoader());
        }
    }

    @Test
    void pluginDefaultsComeFromItsReferenceConfAndInstanceSettingsOverrideThem() {
        TestPlugin.withId("configured").referenceConf("word = \"default-word\"\nprefix = \"from-plugin\"\n")
                .source("test.configured.Factory", """
                        package test.configured;
                        import com.typesafe.config.Config;
                        import dev.veto.spi.ComponentContext;
                        import dev.veto.spi.classifier.*;
                        import dev.veto.spi.signal.Signal;
                        import java.util.List;
                        public final class Factory implements ClassifierFactory {
                            private final String pluginWide;
                            @jakarta.inject.Inject
                            public Factory(Config pluginConfig) { this.pluginWide = pluginConfig.getString("prefix"); }
                            public String name() { return "configured"; }
                            public Classifier create(ComponentContext context) {
                                String word = context.config().getString("word");
                                return input -> input.text().contains(word)
                                        ? List.of(Signal.of("hate", 0.9).withEvidence(List.of(pluginWide + ":" + word)))
                                        : List.of();
                            }
                        }""", true)
                .writeZip(plugins, "configured");

        try (Veto veto = start(Map.of("veto.classifiers.a.factory", "configured",
                "veto.classifiers.b.factory", "configured", "veto.classifiers.b.settings.word", "override"))) {
            assertThat(veto.config().getString("veto.plugins.configured.word")).isEqualTo("default-word");
            Decision first = veto.check("default-word");
            assertThat(inputCall(first, "a").signals()).singleElement()
                    .satisfies(s -> assertThat(s.evidence()).containsExactly("from-plugin:default-word"));
            assertThat(inputCall(first, "b").signals()).isEmpty();
            Decision second = veto.check("override");
            assertThat(inputCall(second, "b").signals()).singleElement()
                    .satisfies(s -> assertThat(s.evidence()).containsExactly("from-plugin:override"));
        }
    }

    @Test
    void aDisabledPluginIsNotStarted() {
        wordPlugin("words", "word", "forbidden").writeJar(plugins, "words");
        try (Veto veto = start(Map.of("veto.plugin-host.disabled", List.of("words")))) {
            assertThat(plugin(veto, "words").state()).isEqualTo("DISABLED");
            assertThat(plugin(veto, "words").factories()).isEmpty();
        }
    }

    @Test
    void aPluginCannotInjectTheHostsConfiguration() {
        TestPlugin.withId("nosy").source("test.nosy.Factory", """
                package test.nosy;
                import com.typesafe.config.Config;
                import dev.veto.spi.ComponentContext;
                import dev.veto.spi.classifier.*;
                public final class Factory implements ClassifierFactory {
                    @jakarta.inject.Inject
                    public Factory(@jakarta.inject.Named("veto") Config hostConfig) { }
                    public String name() { return "nosy"; }
                    public Classifier create(ComponentContext context) { return input -> java.util.List.of(); }
                }""", true).writeJar(plugins, "nosy");
        try (Veto veto = start(Map.of())) {
            assertThat(plugin(veto, "nosy").factories()).isEmpty();
            assertThat(plugin(veto, "nosy").problems()).anyMatch(p -> p.contains("cannot create classifier factory"));
        }
    }

    @Test
    void substitutionsInAPluginsDefaultsReferToThePluginsOwnSettings() {
        TestPlugin.withId("subst").referenceConf("base = 0.4\nboosted = ${base}\n")
                .source("test.subst.Factory", Sources.classifierFactory("test.subst", "Factory", "subst",
                        "return List.of();"), true)
                .writeJar(plugins, "subst");
        try (Veto veto = start(Map.of())) {
            assertThat(veto.config().getDouble("veto.plugins.subst.boosted")).isEqualTo(0.4);
            assertThat(plugin(veto, "subst").problems()).isEmpty();
        }
    }

    @Test
    void aReplacedZipIsExpandedAgainEvenIfItIsOlder() throws Exception {
        Path zip = wordPlugin("words", "word", "forbidden").writeZip(plugins, "words");
        try (Veto veto = start(Map.of("veto.classifiers.w.factory", "word"))) {
            assertThat(veto.check("forbidden").verdict()).isEqualTo(Verdict.REFUSE);
        }
        java.nio.file.attribute.FileTime old = Files.getLastModifiedTime(zip);
        wordPlugin("words", "word", "different").writeZip(plugins, "words");
        Files.setLastModifiedTime(zip, java.nio.file.attribute.FileTime.fromMillis(old.toMillis() - 60_000));
        try (Veto veto = start(Map.of("veto.classifiers.w.factory", "word"))) {
            assertThat(veto.check("forbidden").verdict()).isEqualTo(Verdict.ALLOW);
            assertThat(veto.check("different").verdict()).isEqualTo(Verdict.REFUSE);
        }
    }

    private static PluginInfo plugin(Veto veto, String idOrFile) {
        return veto.plugins().stream()
                .filter(p -> p.id().equals(idOrFile) || p.file().getFileName().toString().equals(idOrFile))
                .findFirst().orElseThrow(() -> new AssertionError("no plugin " + idOrFile + " in " + veto.plugins()));
    }
}
