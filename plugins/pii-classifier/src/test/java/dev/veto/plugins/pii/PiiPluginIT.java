package dev.veto.plugins.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veto.core.Decision;
import dev.veto.core.Veto;
import dev.veto.spi.policy.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged zip in the real host: its signals reach the policy, its spans point into the original text. */
class PiiPluginIT {

    @TempDir
    static Path home;

    static Veto veto;

    @BeforeAll
    static void install() throws Exception {
        Path zip = Path.of(System.getProperty("test.plugin.zip"));
        Files.copy(zip, Files.createDirectories(home.resolve("plugins")).resolve(zip.getFileName()));
        veto = Veto.builder().home(home).setting("veto.classifiers.pii.factory", "pii").build();
    }

    @AfterAll
    static void stop() {
        veto.close();
    }

    @Test
    void aLeakedKeyIsRefusedAndContactDetailsAloneAreNot() {
        Decision key = veto.check("why does this fail: aws_access_key_id=AKIAIOSFODNN7EXAMPLE");
        assertThat(key.verdict()).isEqualTo(Verdict.REFUSE);
        assertThat(key.categories()).containsExactly("sensitive-data");

        String text = "Please draft a reply to \u200Bjane@example.com";
        Decision contact = veto.check(text);
        assertThat(contact.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(contact.signals()).singleElement().satisfies(s -> {
            assertThat(s.category()).isEqualTo("privacy");
            assertThat(s.evidence()).containsExactly("email");
            // the span points into the text as received, past the invisible character the normalizer removed
            assertThat(text.substring(s.spans().get(0).start(), s.spans().get(0).end())).isEqualTo("jane@example.com");
        });
        assertThat(veto.plugins()).singleElement().satisfies(p -> assertThat(p.problems()).isEmpty());
    }

    @Test
    void aNationalIdConstrainsTheAnswer() {
        assertThat(veto.check("My social security number is 536-22-1234, is it safe to share?").verdict())
                .isEqualTo(Verdict.CONSTRAIN);
    }
}
