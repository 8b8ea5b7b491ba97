package dev.veto.plugins.webhook;

import dev.veto.spi.ComponentContext;
import dev.veto.spi.escalator.Escalator;
import dev.veto.spi.escalator.EscalatorFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.pf4j.Extension;

/** The {@code webhook} escalator: escalated cases POSTed, HMAC-signed, to an external system. */
@Extension
public final class WebhookEscalatorFactory implements EscalatorFactory {

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public String description() {
        return "POSTs escalated cases, HMAC-signed, to a ticketing, chat or paging system; retries, dead letters";
    }

    @Override
    public Escalator create(ComponentContext context) {
        WebhookSettings settings = WebhookSettings.read(context.config());
        try {
            Outbox outbox = new Outbox(context.dataDirectory().resolve(context.instanceName()));
            return new WebhookEscalator(settings, outbox, context.clock(), context.instanceName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the webhook outbox under " + context.dataDirectory() + ": " + e.getMessage(), e);
        }
    }
}
