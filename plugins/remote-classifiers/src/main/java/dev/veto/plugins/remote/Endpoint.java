package dev.veto.plugins.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import dev.veto.plugins.http.InterruptibleBody;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A JSON API on the network: {@code POST} a body, get JSON back. Server errors (429, 5xx) and refused
 * connections are retried with exponential backoff; a timeout is not (the time is spent), and every failure
 * is an {@link IOException} with what went wrong, for the host to apply the stage's failure behaviour.
 * Thread-safe.
 */
final class Endpoint {

    private final URI base;
    private final String apiKey;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Duration retryBackoff;
    private final long maxResponseBytes;
    private final HttpClient client;
    private final ObjectMapper mapper;

    Endpoint(Config settings, ObjectMapper mapper) {
        String url = settings.getString("base-url").replaceAll("/+$", "");
        try {
            this.base = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("base-url '" + url + "' is not a URL");
        }
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
            throw new IllegalArgumentException("base-url must be an http or https URL, got '" + url + "'");
        }
        this.apiKey = settings.getString("api-key");
        this.requestTimeout = settings.getDuration("request-timeout");
        this.maxRetries = settings.getInt("max-retries");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max-retries must not be negative");
        }
        this.retryBackoff = settings.getDuration("retry-backoff");
        this.maxResponseBytes = settings.getBytes("max-response-size");
        if (maxResponseBytes < 1024 || maxResponseBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("max-response-size must lie between 1 KiB and 2 GiB, was " + maxResponseBytes + " bytes");
        }
        this.client = HttpClient.newBuilder().connectTimeout(settings.getDuration("connect-timeout")).build();
        this.mapper = mapper;
    }

    /** Posts {@code body} to {@code <base-url><path>} and returns the JSON answer. */
    JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body), StandardCharsets.UTF_8));
        if (!apiKey.isEmpty()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        for (int attempt = 0; ; attempt++) {
            HttpResponse<InputStream> response;
            try {
                response = client.send(request.build(), InterruptibleBody.handler(requestTimeout)); // abandonable at the deadline
            } catch (HttpTimeoutException e) {
                throw new HttpTimeoutException(base.getHost() + " did not answer within " + requestTimeout.toMillis() + " ms");
            } catch (IOException e) {
                if (attempt >= maxRetries) {
                    throw new IOException(base.getHost() + " could not be reached: " + e, e);
                }
                backoff(attempt);
                continue;
            }
            int status = response.statusCode();
            String answer = read(response.body());
            if (status / 100 == 2) {
                return parse(answer);
            }
            boolean retryable = status == 429 || status >= 500;
            if (!retryable || attempt >= maxRetries) {
                throw new IOException(base.getHost() + " answered HTTP " + status + detail(answer));
            }
            backoff(attempt);
        }
    }

    /** The answer as text, up to {@code max-response-size}: past it the call fails, not the host's memory. */
    private String read(InputStream body) throws IOException {
        try (body) {
            byte[] bytes = body.readNBytes((int) maxResponseBytes + 1);
            if (bytes.length > maxResponseBytes) {
                throw new IOException(base.getHost() + " answered with more than " + maxResponseBytes
                        + " bytes (max-response-size)");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private void backoff(int attempt) throws InterruptedException {
        Thread.sleep(retryBackoff.toMillis() << attempt);
    }

    private JsonNode parse(String body) throws IOException {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IOException(base.getHost() + " answered something that is not a JSON object: "
                    + (body.length() > 80 ? body.substring(0, 80) + "…" : body), e);
        }
    }

    private String detail(String body) {
        try {
            JsonNode message = mapper.readTree(body).path("error").path("message");
            if (message.isTextual()) {
                return ": " + message.asText();
            }
        } catch (IOException | RuntimeException e) {
            // not JSON
        }
        return "";
    }
}
