package dev.veto.core.respond;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import dev.veto.core.Reply;
import dev.veto.spi.escalator.EscalationTicket;
import dev.veto.spi.policy.Ruling;
import dev.veto.spi.retriever.Passage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Composes the user-facing reply for a ruling from the templates under {@code veto.responses}: per verdict,
 * per category where one is configured, else the verdict's default. Alternatives come from the template
 * and from retrieved passages. Templates may use {@code {case_id}} and {@code {expected}} (escalations).
 */
public final class ResponseComposer {

    private final Config responses;

    /**
     * Reads the templates.
     *
     * @param config the host configuration
     */
    @Inject
    public ResponseComposer(@Named("veto") Config config) {
        this.responses = config.getConfig("veto.responses");
    }

    /**
     * The reply to a ruling on the input.
     *
     * @param ruling      the gate's ruling
     * @param escalation  the escalation ticket, if the request was escalated and an escalator accepted it
     * @param passages    retrieved trusted material, offered as further reading
     * @return the reply; an empty message for a plain allow
     */
    public Reply compose(Ruling ruling, Optional<EscalationTicket> escalation, List<Passage> passages) {
        if (ruling.rule().contains("failure/")) {
            return template("component-failure", passages);
        }
        return switch (ruling.verdict()) {
            case ALLOW -> Reply.NONE;
            case CONSTRAIN -> categoryTemplate("constrain", ruling, passages);
            case REFUSE -> ruling.rule().startsWith("output/")
                    ? template("output-withheld", passages)
                    : categoryTemplate("refuse", ruling, passages);
            case ESCALATE -> escalation.map(ticket -> escalated(ticket, passages))
                    .orElseGet(() -> template("escalate-unavailable", passages));
        };
    }

    /**
     * The reply when the request was allowed but no generator is configured.
     *
     * @return the reply
     */
    public Reply noGenerator() {
        return template("no-generator", List.of());
    }

    /**
     * The reply when the generator failed to produce an answer.
     *
     * @return the reply
     */
    public Reply generationFailed() {
        return template("generation-failed", List.of());
    }

    private Reply escalated(EscalationTicket ticket, List<Passage> passages) {
        Reply reply = template("escalate", passages);
        String message = reply.message().replace("{case_id}", ticket.caseId())
                .replace("{expected}", humanize(ticket.expectedResponse()));
        return new Reply(message, reply.alternatives());
    }

    private Reply categoryTemplate(String verdict, Ruling ruling, List<Passage> passages) {
        for (String category : ruling.categories()) {
            String path = verdict + ".categories." + ConfigUtil.quoteString(category);
            if (responses.hasPath(path)) {
                return reply(responses.getConfig(path).withFallback(responses.getConfig(verdict + ".default")), passages);
            }
        }
        return template(verdict + ".default", passages);
    }

    private Reply template(String path, List<Passage> passages) {
        return reply(responses.getConfig(path), passages);
    }

    private static Reply reply(Config template, List<Passage> passages) {
        List<String> alternatives = new ArrayList<>(template.getStringList("alternatives"));
        for (Passage passage : passages) {
            String title = passage.title().isEmpty() ? passage.source() : passage.title();
            alternatives.add(passage.link().isEmpty() ? "Read: " + title : "Read: " + title + " (" + passage.link() + ")");
        }
        return new Reply(template.getString("message"), alternatives);
    }

    private static String humanize(Duration duration) {
        if (duration.isZero()) {
            return "as soon as possible";
        }
        if (duration.toHours() >= 1) {
            long hours = duration.toHours();
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        long minutes = Math.max(1, duration.toMinutes());
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
