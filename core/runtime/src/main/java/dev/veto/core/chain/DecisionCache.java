package dev.veto.core.chain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.typesafe.config.Config;
import dev.veto.core.Decision;
import dev.veto.core.trace.StageTrace;
import dev.veto.core.trace.Trace;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Modality;
import dev.veto.spi.request.Request;
import dev.veto.spi.request.RequestContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Decisions of {@code check} for identical requests: the same normalized text, earlier turns, modality,
 * locale and context under the same policy version. Bounded (Caffeine), with hit and miss counts in the
 * metrics ({@code cache.gets} tagged {@code cache=veto.decisions}); emptied whenever the policy changes.
 *
 * <p>Only decisions that rest on every classifier's answer are cached — never one shaped by a component
 * failure (the next request may find the component healthy) and never an escalation (each request is its
 * own case).
 */
final class DecisionCache {

    /** What makes two requests the same for the chain. */
    private record Key(String policyVersion, String normalizedText, List<Message> conversation, Modality modality,
                       String locale, RequestContext context) {
    }

    private final Cache<Key, Decision> cache;

    DecisionCache(Config config, MeterRegistry meters) {
        this.cache = bounded(config, meters, "veto.decisions", b -> b.maximumSize(config.getLong("veto.cache.max-entries")));
    }

    /**
     * A cache as {@code veto.cache} configures it, with the given bound, reported under {@code name};
     * {@code null} when caching is off.
     */
    static <K, V> Cache<K, V> bounded(Config config, MeterRegistry meters, String name,
                                      UnaryOperator<Caffeine<Object, Object>> bound) {
        if (!config.getBoolean("veto.cache.enabled")) {
            return null;
        }
        Cache<K, V> cache = bound.apply(Caffeine.newBuilder())
                .expireAfterWrite(config.getDuration("veto.cache.expire-after-write"))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, cache, name);
        return cache;
    }

    Optional<Decision> get(Request request, String normalizedText, String policyVersion, Instant now) {
        if (cache == null) {
            return Optional.empty();
        }
        Decision cached = cache.getIfPresent(key(request, normalizedText, policyVersion));
        if (cached == null) {
            return Optional.empty();
        }
        Trace trace = new Trace(request.id(), now, List.of(new StageTrace("cache", Duration.ZERO, List.of(),
                List.of("decision of request " + cached.requestId() + " reused: same text, context and policy"))),
                Duration.ZERO);
        return Optional.of(new Decision(request.id(), cached.ruling(), cached.reply(), Optional.empty(), Optional.empty(),
                cached.language(), cached.signals(), trace));
    }

    void put(Request request, String normalizedText, Decision decision) {
        if (cache == null || decision.verdict() == Verdict.ESCALATE) {
            return;
        }
        boolean everyCallSucceeded = decision.trace().stages().stream()
                .flatMap(s -> s.calls().stream()).allMatch(c -> c.outcome().succeeded());
        if (everyCallSucceeded) {
            cache.put(key(request, normalizedText, decision.policyVersion()), decision);
        }
    }

    void invalidateAll() {
        if (cache != null) {
            cache.invalidateAll();
        }
    }

    long size() {
        return cache == null ? 0 : cache.estimatedSize();
    }

    private static Key key(Request request, String normalizedText, String policyVersion) {
        return new Key(policyVersion, normalizedText, request.conversation(), request.modality(),
                request.locale().toLanguageTag(), request.context());
    }
}
