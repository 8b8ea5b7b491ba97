package dev.veto.core.audit;

import dev.veto.core.Decision;
import dev.veto.core.privacy.RedactedRequest;
import dev.veto.core.privacy.Redactor;
import dev.veto.spi.request.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per decision to the {@code veto.audit} logger: request id, tenant, a hash of the user id,
 * verdict, rule, categories, policy version and latency. The request's text is never written: the line is
 * safe to ship to a log pipeline as is.
 */
public final class LogAuditRecorder implements DecisionRecorder {

    private static final Logger audit = LoggerFactory.getLogger("veto.audit");

    @Override
    public void record(RedactedRequest redacted, Decision decision) {
        Request request = redacted.request();
        if (!audit.isInfoEnabled()) {
            return;
        }
        audit.info("decision id={} tenant={} user={} channel={} verdict={} rule={} categories={} policy={} latency_us={}",
                decision.requestId(), request.context().tenant(), UserHash.of(request.context().userId()),
                Redactor.contextValue(request.context().channel()), decision.verdict(), decision.rule(), decision.categories(),
                decision.policyVersion(), decision.latency().toNanos() / 1_000);
    }
}
