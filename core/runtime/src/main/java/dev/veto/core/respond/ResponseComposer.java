package dev.veto.core.respond;

import dev.veto.core.Reply;
import dev.veto.core.policy.Messages;
import dev.veto.core.policy.PolicyOutcome;
import dev.veto.spi.escalator.EscalationTicket;
import dev.veto.spi.policy.Ruling;
import dev.veto.spi.request.Role;
import dev.veto.spi.retriever.Passage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Composes the user-facing reply to a policy outcome from the policy's own message templates, in the
 * user's language (English when there is no translation) and the policy's tone.
 *
 * <p>Which template: a component failure → {@code component-failure}; a rule naming a template →
 * {@code templates.<id>}; a refusal of generated text → {@code output-withheld}; an escalation →
 * {@code escalate} (with case id and expected time) or {@code escalate-unavailable}; otherwise
 * {@code <verdict>.categories.<category>} for the most severe category that has one, else
 * {@code <verdict>.default}. Retrieved passages are added as further reading.
 */
public final class ResponseComposer {

    /**
     * The reply to a policy outcome.
     *
     * @param outcome    the policy's outcome, with its messages
     * @param language   the user's language (ISO 639-1; {@code und} falls back to English)
     * @param escalation the escalation ticket, if an escalator accepted the case
     * @param passages   retrieved trusted material
     * @return the reply; empty for a plain allow
     */
    public Reply compose(PolicyOutcome outcome, String language, Optional<EscalationTicket> escalation,
                         List<Passage> passages) {
        Ruling ruling = outcome.ruling();
        Messages messages = outcome.messages();
        String tone = outcome.tone();
        if (outcome.componentFailure()) {
            return withPassages(messages.get(language, tone, "component-failure"), messages, language, passages);
        }
        if (!outcome.template().isEmpty()) {
            Optional<Reply> template = messages.find(language, tone, "templates." + outcome.template());
            if (template.isPresent()) {
                return withPassages(template.get(), messages, language, passages);
            }
        }
        Reply reply = switch (ruling.verdict()) {
            case ALLOW -> Reply.NONE;
            case CONSTRAIN -> byCategory(messages, language, tone, "constrain", ruling);
            case REFUSE -> ruling.rule().startsWith("output/")
                    ? messages.get(language, tone, "output-withheld")
                    : byCategory(messages, language, tone, "refuse", ruling);
            case ESCALATE -> escalation.map(ticket -> escalated(messages, language, tone, ticket))
                    .orElseGet(() -> messages.get(language, tone, "escalate-unavailable"));
        };
        if (reply != Reply.NONE && ruling.verdict().blocks() && fromEarlierTurns(ruling)) {
            // the user cannot take an application's system prompt or a tool's result out of the conversation
            reply = withAlternative(reply, onlyFrom(ruling, Role.SYSTEM)
                    ? messages.phrase(language, "system-message", SYSTEM_MESSAGE)
                    : onlyFrom(ruling, Role.TOOL) ? messages.phrase(language, "tool-result", TOOL_RESULT)
                    : messages.phrase(language, "earlier-turn", EARLIER_TURN));
        }
        return reply == Reply.NONE ? reply : withPassages(reply, messages, language, passages);
    }

    /** The evidence marker of a signal found in the user turns before the latest (the chain's). */
    public static final String EARLIER_TURN_EVIDENCE = "in an earlier user turn";

    /**
     * The evidence marker of a signal found in the messages of a role besides the user's (the chain's, when
     * {@code veto.chain.input.also-judge} names the role).
     *
     * @param role the messages' role
     * @return the marker
     */
    public static String otherRoleEvidence(Role role) {
        return switch (role) {
            case SYSTEM -> "in a system message";
            case ASSISTANT -> "in an assistant turn as the client sent it";
            case TOOL -> "in a tool result";
            case USER -> EARLIER_TURN_EVIDENCE;
        };
    }

    /** The markers of messages other than the latest user message: a refusal that rests on them says so. */
    private static final Set<String> NOT_THE_LATEST = Arrays.stream(Role.values())
            .map(ResponseComposer::otherRoleEvidence).collect(Collectors.toUnmodifiableSet());

    /** The evidence marker of a signal found in the latest user turns read together (the chain's). */
    public static final String JOINT_TURNS_EVIDENCE = "in the latest user turns read together";

    private static final String EARLIER_TURN = "It is an earlier message of this conversation that I can't help "
            + "with: start a new conversation, or send your question without it.";

    private static final String SYSTEM_MESSAGE = "It is this application's own instructions to me that I can't "
            + "follow: please tell whoever runs it.";

    private static final String TOOL_RESULT = "It is content a tool returned in this conversation that I can't act "
            + "on: try again without it, or with another source.";

    /** Whether the decision rests on messages of one other role alone. */
    private static boolean onlyFrom(Ruling ruling, Role role) {
        String marker = otherRoleEvidence(role);
        return ruling.evidence().stream().allMatch(signal -> signal.evidence().contains(marker));
    }

    /**
     * Whether the decision rests on messages other than the latest user message alone (earlier turns, and the
     * other roles' messages judged): the client resends them with every request, so without saying so every
     * later question would get the same refusal, unexplained.
     */
    private static boolean fromEarlierTurns(Ruling ruling) {
        return !ruling.evidence().isEmpty() && ruling.evidence().stream()
                .allMatch(signal -> signal.evidence().stream().anyMatch(NOT_THE_LATEST::contains));
    }

    private static Reply withAlternative(Reply reply, String alternative) {
        List<String> alternatives = new ArrayList<>(List.of(alternative));
        alternatives.addAll(reply.alternatives());
        return new Reply(reply.message(), alternatives);
    }

    /**
     * The reply when the request was allowed but no generator is configured.
     *
     * @param outcome  the policy's outcome
     * @param language the user's language
     * @return the reply
     */
    public Reply noGenerator(PolicyOutcome outcome, String language) {
        return outcome.messages().get(language, outcome.tone(), "no-generator");
    }

    /**
     * The reply when the generator failed to produce an answer.
     *
     * @param outcome  the policy's outcome
     * @param language the user's language
     * @return the reply
     */
    public Reply generationFailed(PolicyOutcome outcome, String language) {
        return outcome.messages().get(language, outcome.tone(), "generation-failed");
    }

    private static Reply byCategory(Messages messages, String language, String tone, String verdict, Ruling ruling) {
        for (String category : ruling.categories()) {
            Optional<Reply> reply = messages.find(language, tone, verdict + ".categories." + category);
            if (reply.isPresent()) {
                return reply.get();
            }
        }
        return messages.get(language, tone, verdict + ".default");
    }

    private static Reply escalated(Messages messages, String language, String tone, EscalationTicket ticket) {
        Reply reply = messages.get(language, tone, "escalate");
        return new Reply(reply.message().replace("{case_id}", ticket.caseId())
                .replace("{expected}", messages.duration(language, ticket.expectedResponse())), reply.alternatives());
    }

    private static Reply withPassages(Reply reply, Messages messages, String language, List<Passage> passages) {
        if (passages.isEmpty()) {
            return reply;
        }
        String label = messages.phrase(language, "read", "Read");
        List<String> alternatives = new ArrayList<>(reply.alternatives());
        for (Passage passage : passages) {
            String title = passage.title().isEmpty() ? passage.source() : passage.title();
            alternatives.add(label + ": " + title + (passage.link().isEmpty() ? "" : " (" + passage.link() + ")"));
        }
        return new Reply(reply.message(), alternatives);
    }
}
