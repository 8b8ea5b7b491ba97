package dev.veto.core.chain;

import com.github.benmanes.caffeine.cache.Cache;
import com.typesafe.config.Config;
import dev.veto.spi.request.Modality;
import dev.veto.spi.request.Request;
import dev.veto.spi.request.RequestContext;
import dev.veto.spi.request.Role;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;

/**
 * Readings of other roles' messages ({@code veto.chain.input.also-judge}) kept for reuse: a client sends the
 * same system prompt, and the same tool results, with every request of a conversation, and a long one costs
 * the neural tier several windows. Two readings are the same when the role, the text as sent, modality, locale
 * and context agree under the same policy version (the same text normalizes the same way, so a reused reading
 * costs no normalization). Bounded by the characters of text kept ({@code veto.cache.max-reading-chars}), on and off
 * with {@code veto.cache.enabled}, counted as {@code cache=veto.readings}, emptied whenever the policy changes.
 *
 * @param <V> what a reading found
 */
final class ReadingCache<V> {

    private record Key(String policyVersion, Role role, boolean together, String text, Modality modality, String locale,
                       RequestContext context) {
    }

    private final Cache<Key, V> cache;

    ReadingCache(Config config, MeterRegistry meters) {
        // bounded by the text kept, not the count: a reading's key holds its whole text
        long maxChars = config.getLong("veto.cache.max-reading-chars");
        this.cache = DecisionCache.bounded(config, meters, "veto.readings", b -> b.maximumWeight(maxChars)
                .weigher((key, reading) -> ((Key) key).text().length() + 64));
    }

    Optional<V> get(Role role, boolean together, String text, Request request, String policyVersion) {
        return cache == null ? Optional.empty()
                : Optional.ofNullable(cache.getIfPresent(key(role, together, text, request, policyVersion)));
    }

    /** Keeps a reading; the caller keeps only readings that rest on every classifier's answer. */
    void put(Role role, boolean together, String text, Request request, String policyVersion, V reading) {
        if (cache != null) {
            cache.put(key(role, together, text, request, policyVersion), reading);
        }
    }

    void invalidateAll() {
        if (cache != null) {
            cache.invalidateAll();
        }
    }

    private static Key key(Role role, boolean together, String text, Request request, String policyVersion) {
        return new Key(policyVersion, role, together, text, request.modality(), request.locale().toLanguageTag(),
                request.context());
    }
}
