package dev.veto.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veto.core.PluginInfo;
import dev.veto.core.Veto;
import dev.veto.core.config.VetoConfigException;
import dev.veto.core.install.PluginDirectory;
import dev.veto.core.install.PluginFile;
import dev.veto.core.testing.Sources;
import dev.veto.core.testing.TestPlugin;
import dev.veto.spi.policy.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pinned digests are checked before a plugin loads: a tampered or unpinned file is refused, the rest load. */
class PluginIntegrityTest {

    @TempDir
    Path home;

    Path plugins;
    Path good;
    Path other;

    @BeforeEach
    void installTwoPlugins() throws IOException {
        plugins = Files.createDirectories(home.resolve("plugins"));
        good = TestPlugin.withId("words").source("test.words.Factory",
                Sources.wordClassifier("test.words", "Factory", "word", "forbidden", "hate"), true).writeZip(plugins, "words-1.0.0");
        other = TestPlugin.withId("other").source("test.other.Factory",
                Sources.wordClassifier("test.other", "Factory", "other", "prohibited", "violence"), true).writeJar(plugins, "other-1.0.0");
    }

    private Veto start(Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(Map.of(
                "veto.classifiers.w.factory", "word", "veto.classifiers.o.factory", "other"));
        settings.putAll(extra);
        Veto.Builder builder = Veto.builder().home(home);
        settings.forEach(builder::setting);
        return builder.build();
    }

    private static PluginInfo plugin(Veto veto, String id) {
        return veto.plugins().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aPluginMatchingItsPinLoadsAndReportsItsDigest() throws Exception {
        String digest = PluginFile.sha256(good);
        try (Veto veto = start(Map.of("veto.plugin-host.integrity.pins.words", "sha256:" + digest,
                "veto.plugin-host.integrity.require-pins", true,
                "veto.plugin-host.integrity.pins.other", PluginFile.sha256(other).toUpperCase()))) {
            assertThat(plugin(veto, "words").state()).isEqualTo("STARTED");
            assertThat(plugin(veto, "words").sha256()).isEqualTo(digest);
            assertThat(plugin(veto, "other").state()).isEqualTo("STARTED");
            assertThat(veto.check("this is forbidden").verdict()).isEqualTo(Verdict.REFUSE);
        }
    }

    @Test
    void aTamperedPluginIsRefusedWithAClearMessageAndTheOthersLoad() throws Exception {
        String pinned = PluginFile.sha256(good);
        // same id, same file name, different code: what a compromised mirror or a malicious edit leaves behind
        TestPlugin.withId("words").source("test.words.Factory",
                Sources.wordClassifier("test.words", "Factory", "word", "never-matches", "hate"), true).writeZip(plugins, "words-1.0.0");

        try (Veto veto = start(Map.of("veto.plugin-host.integrity.pins.words", pinned,
                "veto.classifiers.w.on-failure", "fail-open"))) {
            PluginInfo refused = plugin(veto, "words");
            assertThat(refused.state()).isEqualTo("REFUSED");
            assertThat(refused.factories()).isEmpty();
            assertThat(refused.problems()).singleElement().asString()
                    .contains("does not match the pinned " + pinned).contains("was not loaded");
            assertThat(plugin(veto, "other").state()).isEqualTo("STARTED");
            // the other plugin still decides
            assertThat(veto.check("this is prohibited").verdict()).isEqualTo(Verdict.REFUSE);
            assertThat(veto.check("this is forbidden").categories()).doesNotContain("hate");
        }
        // nothing of the refused file was expanded: no class of it ever reached the disk the host loads from
        assertThat(home.resolve("work/plugins/words-1.0.0")).doesNotExist();
    }

    @Test
    void whereIntegrityRequiresPinsAnUnpinnedPluginIsRefusedAndThePinnedOneLoads() throws Exception {
        try (Veto veto = start(Map.of("veto.plugin-host.integrity.require-pins", true,
                "veto.plugin-host.integrity.pins.other", PluginFile.sha256(other)))) {
            assertThat(plugin(veto, "words").state()).isEqualTo("REFUSED");
            assertThat(plugin(veto, "words").problems()).singleElement().asString()
                    .contains("is not pinned").contains("veto.plugin-host.integrity.pins.\"words\" = \"sha256:"
                            + PluginFile.sha256(good) + "\"");
            assertThat(plugin(veto, "other").state()).isEqualTo("STARTED");
        }
    }

    @Test
    void aFileThatCannotBeVerifiedIsRefusedWhenPinsApply() throws Exception {
        Files.write(plugins.resolve("broken.zip"), new byte[] {1, 2, 3});
        try (Veto veto = start(Map.of("veto.plugin-host.integrity.require-pins", true,
                "veto.plugin-host.integrity.pins.other", PluginFile.sha256(other),
                "veto.plugin-host.integrity.pins.words", PluginFile.sha256(good)))) {
            PluginInfo broken = veto.plugins().stream().filter(p -> p.file().getFileName().toString().equals("broken.zip"))
                    .findFirst().orElseThrow();
            assertThat(broken.state()).isEqualTo("REFUSED");
            assertThat(broken.problems()).singleElement().asString().contains("cannot be verified");
            assertThat(plugin(veto, "words").state()).isEqualTo("STARTED");
        }
    }

    @Test
    void aPinnedZipIsExpandedAfreshFromTheVerifiedBytesSoATamperedExpansionIsNeverUsed() throws Exception {
        Map<String, Object> pinned = Map.of("veto.plugin-host.integrity.pins.words", PluginFile.sha256(good),
                "veto.plugin-host.integrity.pins.other", PluginFile.sha256(other));
        try (Veto veto = start(pinned)) {
            assertThat(plugin(veto, "words").state()).isEqualTo("STARTED");
        }
        // someone edits the expansion in the work folder: the next start must not load it
        Path index = home.resolve("work/plugins/words-1.0.0/classes/META-INF/extensions.idx");
        assertThat(index).exists();
        Files.writeString(index, "test.evil.Factory\n");
        try (Veto veto = start(pinned)) {
            assertThat(plugin(veto, "words").factories()).containsExactly("classifier:word");
            assertThat(veto.check("this is forbidden").verdict()).isEqualTo(Verdict.REFUSE);
        }
        assertThat(Files.readString(index)).doesNotContain("evil");
    }

    @Test
    void aMalformedPinFailsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> start(Map.of("veto.plugin-host.integrity.pins.words", "md5:abc")))
                .isInstanceOf(VetoConfigException.class)
                .hasMessageContaining("veto.plugin-host.integrity.pins.words")
                .hasMessageContaining("64 hex digits");
    }

    @Test
    void pluginsDisabledByTheOperatorAreNotStarted() throws Exception {
        new PluginDirectory(plugins).disable("words");
        try (Veto veto = start(Map.of("veto.classifiers.w.on-failure", "fail-open"))) {
            assertThat(plugin(veto, "words").state()).isEqualTo("DISABLED");
            assertThat(plugin(veto, "other").state()).isEqualTo("STARTED");
        }
        new PluginDirectory(plugins).enable("words");
        try (Veto veto = start(Map.of())) {
            assertThat(plugin(veto, "words").state()).isEqualTo("STARTED");
            assertThat(veto.plugins()).extracting(PluginInfo::id).containsExactly("other", "words");
        }
        assertThat(Files.readAllLines(plugins.resolve(PluginDirectory.DISABLED_FILE))).noneMatch(List.of("words")::contains);
    }
}
