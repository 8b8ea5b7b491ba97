package dev.veto.store.review;

import dev.veto.spi.escalator.EscalationStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A case in the review queue: what a reviewer sees (the prompt as kept, with personal data masked; the
 * signals; the rule and rationale) and where it stands.
 *
 * @param caseId        the case id the client follows it by
 * @param tenant        the tenant
 * @param requestId     the escalated request
 * @param createdAt     when it was opened
 * @param dueAt         when it expires if nobody decides (the SLA)
 * @param priority      1 (most urgent) to 9
 * @param status        where it stands
 * @param language      the request's language
 * @param textHandling  RAW, MASKED or WITHHELD
 * @param prompt        the escalated message as kept
 * @param context       role, jurisdiction, channel, purpose and the hashed user
 * @param signals       the classifiers' signals: category, score, classifier, evidence
 * @param rule          the rule that escalated
 * @param categories    the categories that drove it
 * @param rationale     the policy's operator-facing rationale
 * @param policyVersion the policy version that escalated
 * @param onExpiry      the verdict that applies if the case expires
 * @param reviewer      who holds or last held the claim
 * @param leaseUntil    when the claim lapses
 * @param response      the approved or edited response
 * @param note          the reviewer's note
 * @param resolvedAt    when it was decided or expired
 * @param resolvedBy    who decided it ({@code system} for an expiry)
 * @param version       the row version, for optimistic concurrency
 */
public record ReviewCase(String caseId, String tenant, String requestId, Instant createdAt, Instant dueAt, int priority,
                         EscalationStatus status, String language, String textHandling, String prompt,
                         Map<String, String> context, List<Map<String, Object>> signals, String rule,
                         List<String> categories, String rationale, String policyVersion, String onExpiry,
                         Optional<String> reviewer, Optional<Instant> leaseUntil, Optional<String> response,
                         Optional<String> note, Optional<Instant> resolvedAt, Optional<String> resolvedBy, int version) {

    /** Validates and copies the components. */
    public ReviewCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(status, "status");
        context = Map.copyOf(context);
        signals = List.copyOf(signals);
        categories = List.copyOf(categories);
    }

    /** @return whether a human or the clock has settled the case */
    public boolean resolved() {
        return status == EscalationStatus.APPROVED || status == EscalationStatus.DENIED || status == EscalationStatus.EXPIRED;
    }
}
