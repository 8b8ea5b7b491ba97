package dev.veto.server.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veto.store.review.ReviewCase;
import dev.veto.store.review.ReviewEvent;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Review cases as the console's API returns them. */
final class CaseJson {

    private static final int PREVIEW = 140;

    private final ObjectMapper mapper;

    CaseJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode summary(ReviewCase c) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", c.caseId());
        node.put("tenant", c.tenant());
        node.put("status", c.status().name().toLowerCase(Locale.ROOT));
        node.put("priority", c.priority());
        node.put("created_at", c.createdAt().toString());
        node.put("due_at", c.dueAt().toString());
        node.set("categories", mapper.valueToTree(c.categories()));
        node.put("rule", c.rule());
        optional(node, "reviewer", c.reviewer());
        node.put("language", c.language());
        String prompt = c.prompt().replaceAll("\\s+", " ").strip();
        node.put("prompt_preview", prompt.length() <= PREVIEW ? prompt : prompt.substring(0, PREVIEW) + "…");
        return node;
    }

    ObjectNode detail(ReviewCase c, List<ReviewEvent> history) {
        ObjectNode node = summary(c);
        node.put("prompt", c.prompt());
        node.put("text_handling", c.textHandling());
        node.set("context", mapper.valueToTree(c.context()));
        node.set("signals", mapper.valueToTree(c.signals()));
        node.put("rationale", c.rationale());
        node.put("policy_version", c.policyVersion());
        node.put("on_expiry", c.onExpiry());
        instant(node, "lease_until", c.leaseUntil());
        optional(node, "response", c.response());
        optional(node, "note", c.note());
        instant(node, "resolved_at", c.resolvedAt());
        optional(node, "resolved_by", c.resolvedBy());
        ArrayNode events = node.putArray("history");
        for (ReviewEvent event : history) {
            ObjectNode entry = events.addObject();
            entry.put("at", event.at().toString());
            entry.put("actor", event.actor());
            entry.put("action", event.action());
            entry.put("note", event.note());
        }
        return node;
    }

    private static void optional(ObjectNode node, String field, Optional<String> value) {
        value.ifPresentOrElse(v -> node.put(field, v), () -> node.putNull(field));
    }

    private static void instant(ObjectNode node, String field, Optional<Instant> value) {
        value.ifPresentOrElse(v -> node.put(field, v.toString()), () -> node.putNull(field));
    }
}
