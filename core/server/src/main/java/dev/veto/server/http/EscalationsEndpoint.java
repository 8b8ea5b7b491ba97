package dev.veto.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veto.core.Veto;
import dev.veto.spi.escalator.EscalationOutcome;
import dev.veto.store.Store;
import dev.veto.store.review.CaseOutcome;
import dev.veto.store.review.ReviewCase;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /v1/escalations/{id}}: how an escalated request stands — pending, in review, approved (with the
 * reviewer's response), denied or expired (with the policy's verdict). A case of the review queue is found
 * only with its tenant's key; another tenant's case is "not found". A case of another escalator (a ticketing
 * plugin) is answered from that escalator.
 */
final class EscalationsEndpoint {

    private final Veto veto;
    private final Optional<Store> store;
    private final ApiKeys keys;
    private final ObjectMapper mapper;

    EscalationsEndpoint(Veto veto, Optional<Store> store, ApiKeys keys, ObjectMapper mapper) {
        this.veto = veto;
        this.store = store;
        this.keys = keys;
        this.mapper = mapper;
    }

    void handle(Context ctx) throws Exception {
        Optional<String> tenant = keys.tenant(ctx);
        String id = ctx.pathParam("id");
        if (id.length() > 200) {
            throw ApiError.badRequest("invalid_id", "the case id is too long");
        }
        List<String> tenants = tenant.map(List::of).orElse(List.of("*"));
        ObjectNode answer;
        Optional<ReviewCase> queued = store.flatMap(s -> s.reviews().find(id, tenants));
        if (queued.isPresent()) {
            answer = CaseOutcome.toJson(queued.get());
        } else if (store.flatMap(s -> s.reviews().find(id)).isPresent()) {
            throw notFound(id); // another tenant's case
        } else {
            EscalationOutcome outcome = veto.escalationOutcome(id).orElseThrow(() -> notFound(id));
            answer = mapper.createObjectNode();
            answer.put("object", "escalation");
            answer.put("id", outcome.caseId());
            answer.put("status", outcome.status().name().toLowerCase(Locale.ROOT));
            if (outcome.response().isEmpty()) {
                answer.putNull("response");
            } else {
                answer.put("response", outcome.response());
            }
        }
        ctx.status(200).contentType("application/json").result(mapper.writeValueAsBytes(answer));
    }

    private static ApiError notFound(String id) {
        return new ApiError(404, "invalid_request_error", "not_found", "no escalation " + id);
    }
}
