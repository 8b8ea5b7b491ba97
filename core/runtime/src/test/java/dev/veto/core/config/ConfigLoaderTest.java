package dev.veto.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.veto.core.Veto;
import dev.veto.core.policy.PolicyException;
import dev.veto.testkit.PolicyFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration layering and errors that name file and line. */
class ConfigLoaderTest {

    @TempDir
    Path home;

    private Path write(String content) throws IOException {
        Path conf = Files.createDirectories(home.resolve("conf")).resolve("application.conf");
        Files.writeString(conf, content);
        return conf;
    }

    @Test
    void defaultsComeFromReferenceConf() {
        Config config = ConfigLoader.loadHostOnly(ConfigSources.ofHome(home));
        assertThat(config.getString("veto.plugin-host.directory")).isEqualTo("plugins");
        assertThat(config.getString("veto.home")).isEqualTo(home.toAbsolutePath().normalize().toString());
    }

    @Test
    void theApplicationFileOverridesDefaultsAndOverridesWinOverTheFile() throws IOException {
        write("veto.chain.input.deadline = 900ms\nveto.chain.generate.max-tokens = 100\n");
        ConfigSources sources = new ConfigSources(home, Optional.empty(),
                ConfigFactory.parseMap(Map.of("veto.chain.generate.max-tokens", 200)));
        Config config = ConfigLoader.loadHostOnly(sources);
        assertThat(config.getDuration("veto.chain.input.deadline").toMillis()).isEqualTo(900);
        assertThat(config.getInt("veto.chain.generate.max-tokens")).isEqualTo(200);
    }

    @Test
    void pluginReferencesLandUnderTheirIdBeneathTheApplicationFile() throws IOException {
        write("veto.plugins.lexicon.boost = 0.5\n");
        Config plugin = ConfigFactory.parseString("boost = 0.3\nproximity = 80\n");
        Config config = ConfigLoader.load(ConfigSources.ofHome(home), Map.of("lexicon", plugin));
        assertThat(config.getDouble("veto.plugins.lexicon.boost")).isEqualTo(0.5);
        assertThat(config.getInt("veto.plugins.lexicon.proximity")).isEqualTo(80);
    }

    @Test
    void aMalformedFileIsReportedWithFileAndLine() throws IOException {
        Path conf = write("veto {\n  chain {\n    input { deadline = 250ms\n  }\n");
        assertThatThrownBy(() -> ConfigLoader.loadHostOnly(ConfigSources.ofHome(home)))
                .isInstanceOf(VetoConfigException.class)
                .hasMessageContaining(conf + ":");
    }

    @Test
    void aWrongTypeIsReportedWithFileLineAndPath() throws IOException {
        Path conf = write("veto {\n  limits {\n    max-chars = lots\n  }\n}\n");
        assertThatThrownBy(() -> ConfigLoader.loadHostOnly(ConfigSources.ofHome(home)))
                .isInstanceOf(VetoConfigException.class)
                .hasMessageContaining(conf + ":3: veto.limits.max-chars");
    }

    @Test
    void aTypoInAFixedSectionIsReportedWithASuggestion() throws IOException {
        Path conf = write("veto.chain.input {\n  deadline = 1s\n  dedline = 2s\n}\n");
        assertThatThrownBy(() -> ConfigLoader.loadHostOnly(ConfigSources.ofHome(home)))
                .isInstanceOf(VetoConfigException.class)
                .hasMessageContaining(conf + ":3: veto.chain.input.dedline: unknown setting (did you mean 'deadline'?)");
    }

    @Test
    void namesChosenByTheOperatorAreNotTypos() throws IOException {
        write("veto.classifiers.my-own-name { factory = keyword }\nveto.plugins.some-plugin.anything = 1\n");
        Config config = ConfigLoader.loadHostOnly(ConfigSources.ofHome(home));
        assertThat(config.getString("veto.classifiers.my-own-name.factory")).isEqualTo("keyword");
    }

    @Test
    void aMissingExplicitFileIsAClearError() {
        ConfigSources sources = new ConfigSources(home, Optional.of(home.resolve("nope.conf")), ConfigFactory.empty());
        assertThatThrownBy(() -> ConfigLoader.loadHostOnly(sources))
                .isInstanceOf(VetoConfigException.class)
                .hasMessageContaining("nope.conf: configuration file not found");
    }

    @Test
    void anInvalidPolicyStopsTheHostWithFileAndLine() throws IOException {
        Path policy = PolicyFixture.copyBundled(home.resolve("conf/policy"))
                .append("policy.conf", "categories.hate {\n  refuse = 1.5\n}").root().resolve("policy.conf");
        assertThatThrownBy(() -> Veto.builder().home(home).build())
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining(policy + ":")
                .hasMessageContaining("categories.hate.refuse: a threshold must lie in [0, 1]");
    }

    @Test
    void anInvalidFailureModeStopsTheHostWithFileAndLine() throws IOException {
        Path conf = write("veto.chain.input.on-failure = sometimes\n");
        assertThatThrownBy(() -> Veto.builder().home(home).build())
                .isInstanceOf(VetoConfigException.class)
                .hasMessageContaining(conf + ":1: veto.chain.input.on-failure: expected fail-closed or fail-open");
    }

    @Test
    void aChainReferenceToAnUndefinedGeneratorIsAConfigurationError() throws IOException {
        Path conf = write("veto.chain.generate.generator = gpt\n");
        assertThatThrownBy(() -> Veto.builder().home(home).build())
                .isInstanceOf(VetoConfigException.class)
                .hasMessageContaining(conf + ":1: veto.chain.generate.generator: generator 'gpt' is not defined");
    }
}
