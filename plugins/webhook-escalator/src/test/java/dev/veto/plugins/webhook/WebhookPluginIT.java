package dev.veto.plugins.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veto.core.Decision;
import dev.veto.core.Veto;
import dev.veto.spi.policy.Verdict;
import dev.veto.testkit.PolicyFixture;
import dev.veto.testkit.TestClassifiers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged plugin zip, loaded by the real host: an escalated request reaches the receiver, signed and redacted. */
class WebhookPluginIT {

    @TempDir
    Path home;

    @Test
    void anEscalatedRequestIsPostedToTheReceiver() throws Exception {
        Path zip = Path.of(System.getProperty("test.plugin.zip", "target/webhook-escalator.zip"));
        Files.copy(zip, Files.createDirectories(home.resolve("plugins")).resolve(zip.getFileName()));
        PolicyFixture.copyBundled(home.resolve("conf/policy")).append("policy.conf", "categories.specialized-advice.escalate = 0.65");
        try (Receiver receiver = new Receiver();
             Veto veto = Veto.builder().home(home).classifierFactory(TestClassifiers.flagging("custody", "custody", "specialized-advice", 0.7))
                     .setting("veto.classifiers.custody.factory", "custody")
                     .setting("veto.escalators.tickets.factory", "webhook")
                     .setting("veto.escalators.tickets.settings.url", receiver.url())
                     .setting("veto.escalators.tickets.settings.secret", Receiver.SECRET)
                     .setting("veto.chain.escalate.escalator", "tickets")
                     .build()) {
            Decision decision = veto.check(veto.request("custody question from jane@example.com").tenant("acme").build());
            assertThat(decision.verdict()).isEqualTo(Verdict.ESCALATE);
            String caseId = decision.escalation().orElseThrow().caseId();
            assertThat(decision.reply().message()).contains(caseId);

            long end = System.nanoTime() + 10_000_000_000L;
            while (receiver.accepted.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(receiver.accepted).singleElement().satisfies(delivery -> {
                assertThat(delivery.signatureValid()).isTrue();
                JsonNode body = new ObjectMapper().readTree(delivery.body());
                assertThat(body.get("case_id").asText()).isEqualTo(caseId);
                assertThat(body.get("tenant").asText()).isEqualTo("acme");
                // no classifier here finds personal data, so the host withheld the text rather than pass it on
                assertThat(body.toString()).doesNotContain("jane@example.com").contains("text withheld");
            });
            assertThat(veto.plugins()).anySatisfy(p -> assertThat(p.factories()).contains("escalator:webhook"));
        }
    }

}
