package dev.veto.core.audit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.veto.core.Decision;
import dev.veto.spi.request.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per decision to the {@code veto.audit} logger: request id, tenant, a hash of the user id,
 * verdict, rule, categories, policy version and latency. The request's text is never written: the line is
 * safe to ship to a log pipeline as is.
 */
public final class LogAuditRecorder implements DecisionRecorder {

    private static final Logger audit = LoggerFactory.getLogger("veto.audit");

    /** Recent users' hashes: most requests come from users seen moments ago (and many from "unknown"). */
    private final Cache<String, String> hashes = Caffeine.newBuilder().maximumSize(10_000).build();

    @Override
    public void record(Request request, Decision decision) {
        if (!audit.isInfoEnabled()) {
            return;
        }
        audit.info("decision id={} tenant={} user={} channel={} verdict={} rule={} categories={} policy={} latency_us={}",
                decision.requestId(), request.context().tenant(), hashes.get(request.context().userId(), LogAuditRecorder::hash),
                request.context().channel(), decision.verdict(), decision.rule(), decision.categories(),
                decision.policyVersion(), decision.latency().toNanos() / 1_000);
    }

    /** A short one-way hash, so decisions of one user can be correlated without storing who it is. */
    static String hash(String userId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
