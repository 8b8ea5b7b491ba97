package dev.veto.store.review;

import com.typesafe.config.Config;
import dev.veto.spi.ComponentContext;
import dev.veto.spi.escalator.Escalator;
import dev.veto.spi.escalator.EscalatorFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code review-queue} escalator: escalated requests become cases in the store's review queue, which
 * reviewers work in the console. A host factory rather than a plugin, because the queue lives in the
 * host's store, shared with the console, the API and the other hosts.
 *
 * <p>Settings: {@code sla} (how long humans have, default 1h), {@code priority.default} (5) and
 * {@code priority.categories.<category>} (1 most urgent … 9), and {@code callback-attribute}, the request
 * context attribute naming the client's callback URL (default {@code callback-url}).
 */
public final class ReviewQueueEscalatorFactory implements EscalatorFactory {

    /** The factory name operators choose under {@code veto.escalators.<name>.factory}. */
    public static final String NAME = "review-queue";

    private final ReviewQueue queue;
    private final CallbackTargets callbackTargets;

    /**
     * Creates the factory.
     *
     * @param queue           the store's queue
     * @param callbackTargets which callback URLs clients may ask for
     */
    public ReviewQueueEscalatorFactory(ReviewQueue queue, CallbackTargets callbackTargets) {
        this.queue = queue;
        this.callbackTargets = callbackTargets;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Durable review queue in the host's store, worked by reviewers in the console (veto serve)";
    }

    @Override
    public Escalator create(ComponentContext context) {
        Config settings = context.config();
        Duration sla = settings.hasPath("sla") ? settings.getDuration("sla") : Duration.ofHours(1);
        int defaultPriority = settings.hasPath("priority.default") ? settings.getInt("priority.default") : 5;
        Map<String, Integer> byCategory = new HashMap<>();
        if (settings.hasPath("priority.categories")) {
            Config categories = settings.getConfig("priority.categories");
            categories.root().keySet().forEach(category -> byCategory.put(category, categories.getInt(category)));
        }
        String attribute = settings.hasPath("callback-attribute") ? settings.getString("callback-attribute") : "callback-url";
        return new ReviewQueueEscalator(queue, sla, defaultPriority, byCategory, attribute, callbackTargets);
    }
}
