package com.example.ide;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veto.core.Decision;
import java.util.ArrayList;
import java.util.List;

/**
 * What the assistant shows instead of an answer: the reason in the user's own words (Veto's user message,
 * in their language), the ways forward as clickable suggestions, and a reference for support. Never the
 * operator rationale: that stays in Veto's audit trail.
 *
 * @param verdict      {@code REFUSE}, {@code ESCALATE}, or {@code CONSTRAIN} when an answer came with limits
 * @param message      the user-facing reason
 * @param alternatives the ways forward, in order
 * @param reference    the request id to quote to support
 */
public record RefusalCard(String verdict, String message, List<String> alternatives, String reference) {

    /** From an in-process decision. */
    static RefusalCard of(Decision decision) {
        return new RefusalCard(decision.verdict().name(), decision.reply().message(), decision.reply().alternatives(),
                decision.requestId());
    }

    /** From the proxy: the decision in the {@code veto} extension field of the finishing chunk. */
    static RefusalCard of(JsonNode veto) {
        List<String> alternatives = new ArrayList<>();
        veto.path("alternatives").forEach(a -> alternatives.add(a.asText()));
        return new RefusalCard(veto.path("verdict").asText(), veto.path("message").asText(), alternatives,
                veto.path("request_id").asText());
    }

    /** The card as the IDE's chat panel renders it (plain text here; a real panel makes the suggestions links). */
    public String render() {
        StringBuilder card = new StringBuilder();
        card.append("┌ ").append(verdict.equals("ESCALATE") ? "Sent for review" : "Can't help with that").append('\n');
        card.append("│ ").append(message.replace("\n", "\n│ ")).append('\n');
        if (!alternatives.isEmpty()) {
            card.append("│ Try instead:\n");
            alternatives.forEach(a -> card.append("│   → ").append(a).append('\n'));
        }
        card.append("└ ref ").append(reference);
        return card.toString();
    }
}
