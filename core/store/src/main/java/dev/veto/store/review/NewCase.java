package dev.veto.store.review;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the escalator puts in the queue.
 *
 * @param tenant        the tenant
 * @param requestId     the escalated request
 * @param priority      1 (most urgent) to 9
 * @param sla           how long a human has to decide
 * @param language      the request's language
 * @param textHandling  RAW, MASKED or WITHHELD
 * @param prompt        the escalated message as kept
 * @param context       role, jurisdiction, channel, purpose and the hashed user
 * @param signals       the signals: category, score, classifier, evidence
 * @param rule          the rule that escalated
 * @param categories    the categories that drove it
 * @param rationale     the policy's rationale
 * @param policyVersion the policy version
 * @param onExpiry      the verdict if nobody decides in time
 * @param callbackUrl   where to push the outcome, if the client asked for it
 */
public record NewCase(String tenant, String requestId, int priority, Duration sla, String language, String textHandling,
                      String prompt, Map<String, String> context, List<Map<String, Object>> signals, String rule,
                      List<String> categories, String rationale, String policyVersion, String onExpiry,
                      Optional<String> callbackUrl) {

    /** Validates and copies the components. */
    public NewCase {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(prompt, "prompt");
        if (priority < 1 || priority > 9) {
            throw new IllegalArgumentException("priority must lie in [1, 9], was " + priority);
        }
        if (sla.isNegative() || sla.isZero()) {
            throw new IllegalArgumentException("sla must be positive, was " + sla);
        }
        context = Map.copyOf(context);
        signals = List.copyOf(signals);
        categories = List.copyOf(categories);
        callbackUrl = callbackUrl == null ? Optional.empty() : callbackUrl;
    }
}
