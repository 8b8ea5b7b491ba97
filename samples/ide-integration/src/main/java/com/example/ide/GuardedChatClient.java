package com.example.ide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The assistant's chat over HTTP, with Veto's OpenAI-compatible proxy in front of the model. It is a plain
 * OpenAI streaming client — the only Veto-specific part is reading the {@code veto} extension field when a
 * message finishes with {@code content_filter}, to show a refusal card instead of Veto's refusal text. For
 * that it holds back one chunk: the refusal text arrives as the last content chunk before that finish.
 */
public final class GuardedChatClient {

    /** How a chat turn ended: the answer as shown, or the refusal that replaced (the rest of) it. */
    public record Turn(String answer, Optional<RefusalCard> refusal) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final URI completions;
    private final String apiKey;

    /**
     * A client of one Veto server.
     *
     * @param baseUrl e.g. {@code http://127.0.0.1:8080/v1}
     * @param apiKey  the tenant's key, or empty on a loopback server without keys
     */
    public GuardedChatClient(String baseUrl, String apiKey) {
        this.completions = URI.create(baseUrl.replaceAll("/+$", "") + "/chat/completions");
        this.apiKey = apiKey;
    }

    /**
     * Sends one user message and streams the answer.
     *
     * @param prompt the user's message
     * @param onText receives each piece of text as Veto releases it (already moderated)
     * @return the whole turn
     * @throws IOException          if Veto cannot be reached or answers with an error
     * @throws InterruptedException if interrupted
     */
    public Turn stream(String prompt, Consumer<String> onText) throws IOException, InterruptedException {
        ObjectNode body = mapper.createObjectNode().put("model", "assistant").put("stream", true);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        body.putObject("veto").putObject("context").put("channel", "ide");
        HttpRequest.Builder request = HttpRequest.newBuilder(completions).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (!apiKey.isEmpty()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            String error = String.join("\n", (Iterable<String>) response.body()::iterator);
            throw new IOException("Veto answered HTTP " + response.statusCode() + ": " + error);
        }
        StringBuilder answer = new StringBuilder();
        String held = null; // one chunk held back: if the stream then finishes with content_filter, it was the refusal text
        JsonNode veto = null;
        try (Stream<String> lines = response.body()) {
            Iterator<String> events = lines.iterator();
            while (events.hasNext()) {
                String line = events.next();
                if (!line.startsWith("data: ") || line.equals("data: [DONE]")) {
                    continue;
                }
                JsonNode chunk = mapper.readTree(line.substring("data: ".length()));
                if (chunk.has("error")) {
                    throw new IOException("the model failed: " + chunk.path("error").path("message").asText());
                }
                JsonNode choice = chunk.path("choices").path(0);
                if ("content_filter".equals(choice.path("finish_reason").asText())) {
                    veto = chunk.path("veto");
                    held = null; // Veto's refusal text: shown as a card, not as answer text
                    continue;
                }
                String text = choice.path("delta").path("content").asText("");
                if (text.isEmpty()) {
                    continue;
                }
                if (held != null) {
                    answer.append(held);
                    onText.accept(held);
                }
                held = text;
            }
        }
        if (held != null) {
            answer.append(held);
            onText.accept(held);
        }
        return new Turn(answer.toString(), veto == null ? Optional.empty() : Optional.of(RefusalCard.of(veto)));
    }
}
