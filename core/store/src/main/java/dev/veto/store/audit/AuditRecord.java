package dev.veto.store.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One decision as the audit trail keeps it: who (tenant, a one-way hash of the user), what (the prompt with
 * personal data masked, unless the tenant keeps raw text), why (signals, verdict, rule, policy version) and
 * how long each stage took.
 *
 * @param recordId      the record's own id
 * @param requestId     the request's id
 * @param decidedAt     when the decision was made
 * @param host          the host that made it
 * @param tenant        the tenant
 * @param userHash      a one-way hash of the user id
 * @param channel       the channel the request came through
 * @param language      the language it was judged in
 * @param verdict       ALLOW, CONSTRAIN, REFUSE or ESCALATE
 * @param categories    the categories that drove the verdict, most severe first
 * @param rule          the rule that fired
 * @param policyVersion the policy's name and content hash
 * @param textHandling  RAW, MASKED or WITHHELD
 * @param prompt        the judged message as kept
 * @param signals       every classifier signal: category, score, classifier, evidence (never text spans)
 * @param stageMicros   each stage's duration in microseconds, in chain order
 * @param latencyMicros the whole decision's duration in microseconds
 * @param caseId        the review case, for an escalated request
 */
public record AuditRecord(String recordId, String requestId, Instant decidedAt, String host, String tenant,
                          String userHash, String channel, String language, String verdict, List<String> categories,
                          String rule, String policyVersion, String textHandling, String prompt,
                          List<Map<String, Object>> signals, Map<String, Long> stageMicros, long latencyMicros,
                          Optional<String> caseId) {

    /** Validates and copies the components. */
    public AuditRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(decidedAt, "decidedAt");
        categories = List.copyOf(categories);
        signals = List.copyOf(signals);
        stageMicros = Map.copyOf(stageMicros);
        caseId = caseId == null ? Optional.empty() : caseId;
    }
}
