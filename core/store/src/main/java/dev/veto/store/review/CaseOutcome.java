package dev.veto.store.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veto.spi.escalator.EscalationStatus;

/**
 * A case's outcome as the client sees it ({@code GET /v1/escalations/{id}} and the callback): status, the
 * verdict that now applies, and the response a reviewer approved or wrote. Never the prompt, the signals or
 * the reviewer's note.
 */
public final class CaseOutcome {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CaseOutcome() {
    }

    /**
     * The verdict a case's status stands for.
     *
     * @param c the case
     * @return allow (approved), refuse (denied), the policy's expiry verdict (expired), or escalate (open)
     */
    public static String verdict(ReviewCase c) {
        return switch (c.status()) {
            case APPROVED -> "allow";
            case DENIED -> "refuse";
            case EXPIRED -> c.onExpiry();
            case PENDING, IN_REVIEW -> "escalate";
        };
    }

    /**
     * The outcome as JSON.
     *
     * @param c the case
     * @return {@code {"object":"escalation","id","request_id","status","verdict","response","created_at","due_at","resolved_at"}}
     */
    public static ObjectNode toJson(ReviewCase c) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("object", "escalation");
        node.put("id", c.caseId());
        node.put("request_id", c.requestId());
        node.put("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
        node.put("verdict", verdict(c));
        if (c.status() == EscalationStatus.APPROVED && c.response().isPresent()) {
            node.put("response", c.response().get());
        } else {
            node.putNull("response");
        }
        node.put("created_at", c.createdAt().toString());
        node.put("due_at", c.dueAt().toString());
        c.resolvedAt().ifPresentOrElse(at -> node.put("resolved_at", at.toString()), () -> node.putNull("resolved_at"));
        return node;
    }
}
