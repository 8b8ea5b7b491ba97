package dev.veto.plugins.webhook;

import com.typesafe.config.Config;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The settings of one webhook escalator.
 *
 * @param url              where cases are POSTed
 * @param secret           the HMAC key the receiver verifies signatures with
 * @param timeout          the timeout of one delivery
 * @param maxAttempts      attempts before a dead letter
 * @param backoff          the first retry delay
 * @param maxBackoff       the longest retry delay
 * @param expectedResponse how long the external system is expected to take
 */
record WebhookSettings(URI url, String secret, Duration timeout, int maxAttempts, Duration backoff, Duration maxBackoff,
                       Duration expectedResponse) {

    static WebhookSettings read(Config config) {
        if (!config.hasPath("url") || config.getString("url").isBlank()) {
            throw new IllegalArgumentException("setting 'url' is required: where to POST escalated cases");
        }
        URI url;
        try {
            url = URI.create(config.getString("url").strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting 'url' is not a valid URI: " + e.getMessage(), e);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("setting 'url' must be an absolute http or https URL, was " + url);
        }
        if (!config.hasPath("secret") || config.getString("secret").length() < 16) {
            throw new IllegalArgumentException("setting 'secret' is required, at least 16 characters: the receiver "
                    + "verifies each delivery's HMAC with it");
        }
        int attempts = config.getInt("max-attempts");
        if (attempts < 1) {
            throw new IllegalArgumentException("setting 'max-attempts' must be at least 1, was " + attempts);
        }
        return new WebhookSettings(url, config.getString("secret"), config.getDuration("timeout"), attempts,
                config.getDuration("backoff"), config.getDuration("max-backoff"), config.getDuration("expected-response"));
    }

    /** The delay before attempt {@code attempt} (2, 3, …): backoff doubled per attempt, capped. */
    Duration delayBefore(int attempt) {
        Duration delay = backoff.multipliedBy(1L << Math.min(Math.max(0, attempt - 2), 20));
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    @Override
    public String toString() {
        return "WebhookSettings[url=" + url + ", secret=***]";
    }
}
