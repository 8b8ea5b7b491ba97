package dev.veto.plugins.keyword;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import dev.veto.testkit.TestComponentContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings that would silently change nothing fail creation, naming themselves. */
class KeywordClassifierFactoryTest {

    @TempDir
    Path data;

    @Test
    void aGuardedCategoryNoLexiconKnowsFailsCreation() {
        var settings = ConfigFactory.parseMap(Map.of("guarded-categories", java.util.List.of("child-exploitaton")));
        assertThatThrownBy(() -> new KeywordClassifierFactory().create(
                TestComponentContext.of(KeywordClassifierFactory.class, settings, data)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("guarded-categories").hasMessageContaining("child-exploitaton");
    }
}
