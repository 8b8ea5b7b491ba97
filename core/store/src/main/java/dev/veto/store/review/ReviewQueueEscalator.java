package dev.veto.store.review;

import dev.veto.core.audit.UserHash;
import dev.veto.core.privacy.Redactor;
import dev.veto.spi.escalator.EscalationCase;
import dev.veto.spi.escalator.EscalationOutcome;
import dev.veto.spi.escalator.EscalationTicket;
import dev.veto.spi.escalator.Escalator;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Request;
import dev.veto.spi.request.RequestContext;
import dev.veto.spi.request.Role;
import dev.veto.store.SignalSummaries;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Puts escalated cases in the review queue and reports their outcomes. */
final class ReviewQueueEscalator implements Escalator {

    private final ReviewQueue queue;
    private final Duration sla;
    private final int defaultPriority;
    private final Map<String, Integer> priorities;
    private final String callbackAttribute;
    private final CallbackTargets callbackTargets;

    ReviewQueueEscalator(ReviewQueue queue, Duration sla, int defaultPriority, Map<String, Integer> priorities,
                         String callbackAttribute, CallbackTargets callbackTargets) {
        this.queue = queue;
        this.sla = sla;
        this.defaultPriority = defaultPriority;
        this.priorities = Map.copyOf(priorities);
        this.callbackAttribute = callbackAttribute;
        this.callbackTargets = callbackTargets;
    }

    @Override
    public EscalationTicket escalate(EscalationCase escalationCase) {
        Request request = escalationCase.request();
        RequestContext context = request.context();
        // the HTTP API rejects a callback to a host not allowed; an in-process caller's is dropped here
        Optional<String> callback = Optional.ofNullable(context.attributes().get(callbackAttribute))
                .map(String::strip).filter(callbackTargets::allows);
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put("user_hash", UserHash.of(context.userId()));
        kept.put("user_role", Redactor.contextValue(context.userRole()));
        kept.put("jurisdiction", Redactor.contextValue(context.jurisdiction()));
        kept.put("channel", Redactor.contextValue(context.channel()));
        kept.put("purpose", Redactor.contextValue(context.purpose()));
        kept.put("locale", request.locale().toLanguageTag());
        List<Map<String, Object>> signals = SignalSummaries.of(escalationCase.ruling().evidence());
        List<String> categories = escalationCase.ruling().categories();
        int priority = categories.stream().map(priorities::get).filter(p -> p != null).min(Integer::compare).orElse(defaultPriority);
        String language = request.locale().getLanguage().isEmpty() ? "und" : request.locale().getLanguage();
        NewCase draft = new NewCase(context.tenant(), request.id(), Math.max(1, Math.min(9, priority)), sla, language,
                handling(request), transcript(request), kept, signals, escalationCase.ruling().rule(), categories,
                escalationCase.ruling().rationale(), escalationCase.ruling().policyVersion(),
                escalationCase.onExpiry().name().toLowerCase(Locale.ROOT), callback);
        ReviewCase opened = queue.open(draft);
        return new EscalationTicket(opened.caseId(), opened.status(), sla);
    }

    /** The conversation as a reviewer reads it: one "role: text" paragraph per message. */
    private static String transcript(Request request) {
        if (request.conversation().size() == 1) {
            return request.conversation().get(0).content();
        }
        StringBuilder text = new StringBuilder();
        for (Message message : request.conversation()) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(message.role() == Role.USER ? "user" : message.role().name().toLowerCase(Locale.ROOT))
                    .append(": ").append(message.content());
        }
        return text.toString();
    }

    /** The host redacts before escalating (raw only for tenants allowed it); a withheld text says so. */
    private static String handling(Request request) {
        return transcript(request).contains("[text withheld:") ? "WITHHELD" : "REDACTED";
    }

    @Override
    public Optional<EscalationOutcome> outcome(String caseId) {
        return queue.find(caseId).map(c -> new EscalationOutcome(c.caseId(), c.status(), c.response().orElse(""),
                c.note().orElse("")));
    }
}
