package dev.veto.plugins.webhook;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.veto.spi.escalator.EscalatorFactory;
import dev.veto.testkit.EscalatorContract;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The webhook escalator keeps the escalator contract against a receiver on loopback. */
class WebhookEscalatorContractTest extends EscalatorContract {

    private final Receiver receiver;

    WebhookEscalatorContractTest() throws IOException {
        receiver = new Receiver();
    }

    @Override
    protected EscalatorFactory factory() {
        return new WebhookEscalatorFactory();
    }

    @Override
    protected Config settings() {
        return ConfigFactory.parseMap(Map.of("url", receiver.url(), "secret", Receiver.SECRET));
    }

    @Override
    protected boolean isTestInfrastructure(Thread thread) {
        return thread.getName().startsWith("stub-") || thread.getName().startsWith("HTTP-Dispatcher");
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }
}
