package dev.veto.store;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Opens stores for tests: housekeeping effectively off (tests sweep by hand), callbacks to loopback. */
public final class Stores {

    private Stores() {
    }

    public static Config config(String url, Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("veto.store.url", url);
        settings.put("veto.store.review.sweep-interval", "1h");
        settings.put("veto.store.review.callback-hosts", java.util.List.of("127.0.0.1"));
        settings.put("veto.store.review.callback-backoff", "1ms");
        settings.put("veto.store.review.callback-attempts", 3);
        settings.putAll(more);
        return ConfigFactory.parseMap(settings);
    }

    public static Store open(String url, Path home, Clock clock) {
        return Store.open(config(url, Map.of()), home, clock, new SimpleMeterRegistry());
    }
}
