package dev.veto.store.audit;

import java.time.Instant;

/**
 * How many decisions of one kind fell into one time bucket.
 *
 * @param bucket   the bucket's start
 * @param tenant   the tenant
 * @param verdict  the verdict
 * @param category the leading category, or {@code none}
 * @param language the language
 * @param count    how many
 */
public record DecisionCount(Instant bucket, String tenant, String verdict, String category, String language, long count) {
}
