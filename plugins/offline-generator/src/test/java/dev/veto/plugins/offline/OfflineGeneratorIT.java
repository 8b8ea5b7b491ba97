package dev.veto.plugins.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veto.core.Decision;
import dev.veto.core.Veto;
import dev.veto.spi.ComponentContext;
import dev.veto.spi.retriever.Passage;
import dev.veto.spi.retriever.Retriever;
import dev.veto.spi.retriever.RetrieverFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged plugin zip, loaded by the real host, answering the full chain without any network. */
class OfflineGeneratorIT {

    @TempDir
    Path home;

    private Veto start(List<Passage> passages) throws Exception {
        Path zip = Path.of(System.getProperty("test.plugin.zip", "target/offline-generator.zip"));
        Files.copy(zip, Files.createDirectories(home.resolve("plugins")).resolve(zip.getFileName()));
        RetrieverFactory library = new RetrieverFactory() {
            @Override
            public String name() {
                return "library";
            }

            @Override
            public Retriever create(ComponentContext context) {
                return query -> passages;
            }
        };
        return Veto.builder().home(home).retrieverFactory(library)
                .setting("veto.retrievers.library.factory", "library")
                .setting("veto.chain.retrieve.retrievers", List.of("library"))
                .setting("veto.chain.retrieve.when", List.of("allow"))
                .setting("veto.generators.local.factory", "offline")
                .setting("veto.chain.generate.generator", "local")
                .build();
    }

    @Test
    void withoutRetrievedMaterialItSaysNoModelIsConfigured() throws Exception {
        try (Veto veto = start(List.of())) {
            Decision decision = veto.complete(veto.request("How do I bake sourdough bread?").build(), Map.of());
            assertThat(decision.output()).hasValueSatisfying(text -> assertThat(text).contains("No language model is configured"));
            assertThat(decision.generation()).hasValueSatisfying(g -> assertThat(g.model()).isEqualTo("veto-offline"));
            assertThat(veto.plugins()).singleElement().satisfies(p -> assertThat(p.factories()).containsExactly("generator:offline"));
        }
    }

    @Test
    void itAnswersFromRetrievedPassagesWordByWordWhenStreamed() throws Exception {
        Passage guide = new Passage("kb", "Sourdough basics", "Feed the starter, mix, fold, proof overnight, bake hot.",
                "https://kb.example/sourdough", 0.9);
        try (Veto veto = start(List.of(guide))) {
            List<String> released = new CopyOnWriteArrayList<>();
            Decision decision = veto.stream(veto.request("How do I bake sourdough bread?").build(), Map.of(), released::add);
            String text = String.join("", released);
            assertThat(text).contains("Sourdough basics: Feed the starter").contains("(https://kb.example/sourdough)");
            assertThat(decision.output()).contains(text);
        }
    }
}
