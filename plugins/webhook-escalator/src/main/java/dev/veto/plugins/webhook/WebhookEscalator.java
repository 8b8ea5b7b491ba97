package dev.veto.plugins.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veto.spi.escalator.EscalationCase;
import dev.veto.spi.escalator.EscalationStatus;
import dev.veto.spi.escalator.EscalationTicket;
import dev.veto.spi.escalator.Escalator;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Request;
import dev.veto.spi.signal.Signal;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each escalated case to an external system. The case is acknowledged once its delivery is in the
 * outbox on disk; delivery happens on a background thread, retried with exponential backoff until the
 * receiver answers 2xx or the attempts run out (then the delivery is kept as a dead letter and logged).
 */
final class WebhookEscalator implements Escalator {

    private static final Logger log = LoggerFactory.getLogger(WebhookEscalator.class);

    private final WebhookSettings settings;
    private final Outbox outbox;
    private final Clock clock;
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();
    private final ScheduledThreadPoolExecutor deliveries;

    WebhookEscalator(WebhookSettings settings, Outbox outbox, Clock clock, String instanceName) throws IOException {
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.deliveries = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "veto-webhook-" + instanceName);
            thread.setDaemon(true);
            return thread;
        });
        // on close, deliveries not yet due stay in the outbox for the next start instead of running then
        deliveries.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        for (Outbox.Delivery delivery : outbox.pending()) {
            schedule(delivery); // left over from before a stop or a crash
        }
    }

    @Override
    public EscalationTicket escalate(EscalationCase escalationCase) throws IOException {
        String caseId = "wh_" + UUID.randomUUID().toString().replace("-", "");
        Outbox.Delivery delivery = new Outbox.Delivery(caseId, payload(caseId, escalationCase), 0, clock.millis(), "");
        outbox.save(delivery);
        schedule(delivery);
        return new EscalationTicket(caseId, EscalationStatus.PENDING, settings.expectedResponse());
    }

    private String payload(String caseId, EscalationCase escalationCase) throws IOException {
        Request request = escalationCase.request();
        ObjectNode node = mapper.createObjectNode();
        node.put("event", "veto.escalation");
        node.put("case_id", caseId);
        node.put("created_at", clock.instant().toString());
        node.put("request_id", request.id());
        node.put("tenant", request.context().tenant());
        node.put("locale", request.locale().toLanguageTag());
        ArrayNode messages = node.putArray("messages");
        for (Message message : request.conversation()) {
            ObjectNode entry = messages.addObject();
            entry.put("role", message.role().name().toLowerCase(Locale.ROOT));
            entry.put("content", message.content()); // redacted by the host before it reaches any escalator
        }
        node.put("rule", escalationCase.ruling().rule());
        node.set("categories", mapper.valueToTree(escalationCase.ruling().categories()));
        node.put("rationale", escalationCase.ruling().rationale());
        node.put("policy_version", escalationCase.ruling().policyVersion());
        node.put("on_expiry", escalationCase.onExpiry().name().toLowerCase(Locale.ROOT));
        ArrayNode signals = node.putArray("signals");
        for (Signal signal : escalationCase.ruling().evidence()) {
            ObjectNode entry = signals.addObject();
            entry.put("category", signal.category());
            entry.put("score", signal.score());
            entry.put("classifier", signal.classifier());
        }
        return mapper.writeValueAsString(node);
    }

    private void schedule(Outbox.Delivery delivery) {
        long delay = Math.max(0, delivery.nextAttemptAt() - clock.millis());
        try {
            deliveries.schedule(() -> attempt(delivery), delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing: the delivery stays in the outbox for the next start
        }
    }

    private void attempt(Outbox.Delivery delivery) {
        int attempt = delivery.attempts() + 1;
        String failure = post(delivery);
        try {
            if (failure == null) {
                outbox.delivered(delivery.caseId());
                return;
            }
            Outbox.Delivery next = new Outbox.Delivery(delivery.caseId(), delivery.payload(), attempt,
                    clock.millis() + settings.delayBefore(attempt + 1).toMillis(), failure);
            if (attempt >= settings.maxAttempts()) {
                outbox.deadLetter(next);
                log.warn("Webhook delivery of case {} given up after {} attempts, kept as a dead letter: {}",
                        delivery.caseId(), attempt, failure);
            } else {
                outbox.save(next);
                schedule(next);
            }
        } catch (IOException e) {
            log.error("Webhook outbox write failed for case {}; retrying from the outbox at the next start: {}",
                    delivery.caseId(), e.toString());
        }
    }

    /** @return null when the receiver took it, else why not */
    private String post(Outbox.Delivery delivery) {
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("X-Veto-Delivery", delivery.caseId())
                .header("X-Veto-Timestamp", Long.toString(timestamp))
                .header("X-Veto-Signature", Signature.sign(settings.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? null : "HTTP " + status;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Lets a delivery under way finish (within its timeout) instead of interrupting it: interrupted after the
     * receiver took the case, it would stay in the outbox and be delivered again at the next start.
     */
    @Override
    public void close() throws InterruptedException {
        deliveries.shutdown();
        if (!deliveries.awaitTermination(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
            deliveries.shutdownNow();
        }
    }
}
