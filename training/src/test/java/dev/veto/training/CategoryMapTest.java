package dev.veto.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veto.spi.signal.StandardCategory;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CategoryMapTest {

    private final CategoryMap map = load();

    private static CategoryMap load() {
        try {
            return CategoryMap.bundled(Arrays.stream(StandardCategory.values()).map(StandardCategory::id)
                    .collect(Collectors.toSet()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String of(String source, String category) {
        return map.categoryOf(new LabelledRow("x", "p", true, category, "en", source)).orElse(null);
    }

    @Test
    void theMoreSpecificHarmOfAListWins() {
        assertThat(of("oaimod", "S,S3")).isEqualTo("child-exploitation");
        assertThat(of("multijail", "['Sexual exploitation & human trafficking', 'Adult content']")).isEqualTo("sex-crimes");
        assertThat(of("multijail", "['Weapons', 'Violence & incitement']")).isEqualTo("violent-crimes");
    }

    @Test
    void categoriesWithCommasAndOwnTaxonomyIdsMap() {
        assertThat(of("strongreject", "Hate, harassment and discrimination")).isEqualTo("hate");
        assertThat(of("veto-train", "self-harm")).isEqualTo("self-harm");
    }

    @Test
    void anUnmappableCategoryIsLeftToTheFirstHead() {
        assertThat(of("advbench", "harmful_behavior")).isNull();
        assertThat(of("oaimod", "XX")).isNull();
    }
}
