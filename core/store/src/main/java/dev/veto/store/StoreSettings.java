package dev.veto.store;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code veto.store}: where the shared state lives and how it is kept.
 *
 * @param url                  the JDBC URL (SQLite or PostgreSQL)
 * @param user                 the database user, possibly empty
 * @param password             the database password, possibly empty
 * @param poolSize             the most connections the pool opens
 * @param connectionTimeout    how long to wait for a pooled connection
 * @param sqliteSynchronous    SQLite's {@code synchronous} pragma (NORMAL or FULL)
 * @param auditEnabled         whether decisions are written to the audit trail
 * @param auditRetention       how long audit records are kept
 * @param lease                how long a reviewer's claim lasts
 * @param sweepInterval        how often due cases expire and callbacks are retried
 * @param callbackAttempts     attempts to deliver an outcome callback
 * @param callbackBackoff      the first retry delay of a callback, doubled each time
 * @param callbackTimeout      the timeout of one callback request
 * @param callbackHosts        hosts callbacks may go to
 */
public record StoreSettings(String url, String user, String password, int poolSize, Duration connectionTimeout,
                            String sqliteSynchronous, boolean auditEnabled, Duration auditRetention, Duration lease,
                            Duration sweepInterval, int callbackAttempts, Duration callbackBackoff,
                            Duration callbackTimeout, List<String> callbackHosts) {

    /**
     * Reads {@code veto.store}; an empty URL means an SQLite file under the installation's {@code data/}.
     *
     * @param config the host configuration (with this module's reference.conf)
     * @param home   the installation directory
     * @return the settings
     */
    public static StoreSettings from(Config config, Path home) {
        Config store = config.getConfig("veto.store");
        String url = store.getString("url").strip();
        if (url.isEmpty()) {
            url = "jdbc:sqlite:" + home.resolve("data").resolve("veto.db").toAbsolutePath().normalize();
        }
        String synchronous = store.getString("sqlite-synchronous").toUpperCase(Locale.ROOT);
        if (!synchronous.equals("NORMAL") && !synchronous.equals("FULL")) {
            throw new IllegalArgumentException("veto.store.sqlite-synchronous must be NORMAL or FULL, was " + synchronous);
        }
        return new StoreSettings(url, store.getString("user"), store.getString("password"), store.getInt("pool-size"),
                store.getDuration("connection-timeout"), synchronous, store.getBoolean("audit.enabled"),
                store.getDuration("audit.retention"), store.getDuration("review.lease"),
                store.getDuration("review.sweep-interval"), store.getInt("review.callback-attempts"),
                store.getDuration("review.callback-backoff"), store.getDuration("review.callback-timeout"),
                List.copyOf(store.getStringList("review.callback-hosts")));
    }

    /**
     * The same settings with another URL (tests, tools pointing at a second database).
     *
     * @param newUrl the JDBC URL
     * @return the settings
     */
    public StoreSettings withUrl(String newUrl) {
        return new StoreSettings(newUrl, user, password, poolSize, connectionTimeout, sqliteSynchronous, auditEnabled,
                auditRetention, lease, sweepInterval, callbackAttempts, callbackBackoff, callbackTimeout, callbackHosts);
    }

    @Override
    public String toString() {
        return "StoreSettings[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***") + "]";
    }
}
