package dev.veto.core.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veto.core.testing.Sources;
import dev.veto.core.testing.TestPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDirectoryTest {

    @TempDir
    Path home;

    private Path build(String id, String version, String requires, String fileName) throws Exception {
        Path out = Files.createDirectories(home.resolve("build-" + id + "-" + version));
        return TestPlugin.withId(id).version(version).requires(requires).source("test.p.Factory",
                Sources.wordClassifier("test.p", "Factory", "w", "x", "hate"), true).writeZip(out, fileName);
    }

    @Test
    void readsTheDescriptorAndDigestWithoutLoadingTheCode() throws Exception {
        Path zip = build("acme", "1.2.0", ">=1.0.0 & <2.0.0", "acme-1.2.0");
        PluginFile file = PluginFile.read(zip);
        assertThat(file.id()).isEqualTo("acme");
        assertThat(file.version()).isEqualTo("1.2.0");
        assertThat(file.requires()).isEqualTo(">=1.0.0 & <2.0.0");
        assertThat(file.sha256()).hasSize(64).isEqualTo(PluginFile.sha256(zip));
    }

    @Test
    void unreadableFilesGetAClearError() throws Exception {
        Path junk = Files.write(home.resolve("junk.zip"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> PluginFile.read(junk)).isInstanceOf(PluginFileException.class)
                .hasMessageContaining("junk.zip").hasMessageContaining("not a readable zip");
        assertThatThrownBy(() -> PluginFile.read(home.resolve("missing.zip"))).hasMessageContaining("no such file");
        Path text = Files.writeString(home.resolve("notes.txt"), "hi");
        assertThatThrownBy(() -> PluginFile.read(text)).hasMessageContaining(".zip or .jar");
    }

    @Test
    void installsAtomicallyAndRefusesADuplicateUnlessReplacing() throws Exception {
        PluginDirectory folder = new PluginDirectory(home.resolve("plugins"));
        PluginFile installed = folder.install(build("acme", "1.0.0", ">=1.0.0", "acme-1.0.0"), false);
        assertThat(installed.file()).isEqualTo(home.resolve("plugins/acme-1.0.0.zip"));
        assertThat(folder.pluginFiles()).containsExactly(installed.file());

        Path newer = build("acme", "1.1.0", ">=1.0.0", "acme-1.1.0");
        assertThatThrownBy(() -> folder.install(newer, false))
                .hasMessageContaining("'acme' is already installed as acme-1.0.0.zip (version 1.0.0)")
                .hasMessageContaining("--replace");
        PluginFile replaced = folder.install(newer, true);
        assertThat(folder.pluginFiles()).containsExactly(replaced.file());
        assertThat(folder.find("acme")).get().extracting(PluginFile::version).isEqualTo("1.1.0");
        try (var files = Files.list(folder.directory())) {
            assertThat(files).noneMatch(p -> p.getFileName().toString().endsWith(".partial"));
        }
    }

    @Test
    void concurrentInstallsOfOneFileEachWriteTheirOwnPartialCopy() throws Exception {
        PluginDirectory folder = new PluginDirectory(home.resolve("plugins"));
        Path zip = build("acme", "1.0.0", ">=1.0.0", "acme-1.0.0");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<PluginFile>> installs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                installs.add(pool.submit(() -> folder.install(zip, true)));
            }
            for (java.util.concurrent.Future<PluginFile> install : installs) {
                assertThat(install.get().sha256()).isEqualTo(PluginFile.sha256(zip));
            }
        } finally {
            pool.shutdown();
        }
        assertThat(PluginFile.sha256(home.resolve("plugins/acme-1.0.0.zip"))).isEqualTo(PluginFile.sha256(zip));
        try (var files = Files.list(folder.directory())) {
            assertThat(files).noneMatch(p -> p.getFileName().toString().endsWith(".partial"));
        }
    }

    @Test
    void refusesAPluginBuiltForAnotherSpi() throws Exception {
        PluginDirectory folder = new PluginDirectory(home.resolve("plugins"));
        assertThatThrownBy(() -> folder.install(build("future", "3.0.0", ">=2.0.0", "future"), false))
                .hasMessageContaining("requires SPI >=2.0.0 but this host implements SPI 1.3.0");
        assertThat(folder.pluginFiles()).isEmpty();
    }

    @Test
    void disabledListSurvivesRoundTripsAndIgnoresComments() throws Exception {
        PluginDirectory folder = new PluginDirectory(home.resolve("plugins"));
        assertThat(folder.disabled()).isEmpty();
        assertThat(folder.disable("a")).isTrue();
        assertThat(folder.disable("a")).isFalse();
        assertThat(folder.disable("b")).isTrue();
        assertThat(folder.disabled()).containsExactly("a", "b");
        assertThat(folder.enable("a")).isTrue();
        assertThat(folder.enable("a")).isFalse();
        assertThat(folder.disabled()).containsExactly("b");
        assertThat(Files.readString(folder.directory().resolve("disabled.txt"))).startsWith("#");
    }

    @Test
    void pinsCompareDigestsAndExplainRefusals() {
        String digest = "a".repeat(64);
        PluginPins pins = new PluginPins(Map.of("acme", "SHA256:" + "A".repeat(64)), false);
        assertThat(pins.refusal("acme", digest)).isEmpty();
        assertThat(pins.status("acme", digest)).isEqualTo("pinned");
        assertThat(pins.refusal("acme", "b".repeat(64))).get().asString().contains("does not match");
        assertThat(pins.status("acme", "b".repeat(64))).isEqualTo("MISMATCH");
        assertThat(pins.refusal("other", digest)).isEmpty();
        assertThat(new PluginPins(Map.of(), true).refusal("other", digest)).get().asString().contains("is not pinned");
        assertThatThrownBy(() -> new PluginPins(Map.of("x", "123"), false)).hasMessageContaining("not a SHA-256");
    }
}
