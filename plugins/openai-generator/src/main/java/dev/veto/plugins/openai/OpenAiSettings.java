package dev.veto.plugins.openai;

import com.typesafe.config.Config;
import java.net.URI;
import java.time.Duration;

/** The generator's settings (see the plugin's reference.conf). */
record OpenAiSettings(URI baseUrl, String apiKey, String model, Duration connectTimeout, Duration requestTimeout,
                      int maxRetries, Duration retryBackoff, long maxResponseBytes) {

    static OpenAiSettings read(Config config) {
        String base = config.getString("base-url").replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("base-url '" + base + "' is not a URL");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("base-url must be an http or https URL, got '" + base + "'");
        }
        int retries = config.getInt("max-retries");
        if (retries < 0) {
            throw new IllegalArgumentException("max-retries must not be negative");
        }
        long maxResponseBytes = config.getBytes("max-response-size");
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException("max-response-size must be at least 1 KiB, was " + maxResponseBytes + " bytes");
        }
        return new OpenAiSettings(uri, config.getString("api-key"), config.getString("model"),
                config.getDuration("connect-timeout"), config.getDuration("request-timeout"), retries,
                config.getDuration("retry-backoff"), maxResponseBytes);
    }

    URI endpoint(String path) {
        return URI.create(baseUrl + path);
    }
}
