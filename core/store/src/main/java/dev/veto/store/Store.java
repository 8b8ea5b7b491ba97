package dev.veto.store;

import com.typesafe.config.Config;
import dev.veto.store.audit.AuditTrail;
import dev.veto.store.review.CallbackTargets;
import dev.veto.store.review.OutcomeCallbacks;
import dev.veto.store.review.ReviewQueue;
import dev.veto.store.review.ReviewQueueEscalatorFactory;
import dev.veto.store.reviewer.LoginThrottle;
import dev.veto.store.reviewer.ReviewerAccounts;
import dev.veto.store.reviewer.ReviewerSessions;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store a host shares with the others: the audit trail, the review queue with its escalator factory,
 * outcome callbacks and console sessions over one database — and the housekeeping that keeps them (cases
 * expire when due, callbacks are retried, old audit records and sessions are deleted).
 *
 * <pre>{@code
 * try (Store store = Store.open(config, home, Clock.systemUTC(), meters);
 *      Veto veto = store.attach(Veto.builder().home(home)).build()) { ... }
 * }</pre>
 */
public final class Store implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Store.class);

    private final StoreSettings settings;
    private final Database database;
    private final AuditTrail audit;
    private final ReviewQueue reviews;
    private final CallbackTargets callbackTargets;
    private final OutcomeCallbacks callbacks;
    private final ReviewerAccounts reviewers;
    private final ReviewerSessions sessions;
    private final LoginThrottle logins;
    private final ScheduledExecutorService housekeeping;
    private volatile Instant lastPurge = Instant.EPOCH;

    private Store(StoreSettings settings, Database database, Clock clock, MeterRegistry meters, Config config) {
        this.settings = settings;
        this.database = database;
        this.audit = new AuditTrail(database, hostName(), clock, settings.connectionTimeout());
        this.reviews = new ReviewQueue(database, clock, meters, settings.lease());
        this.callbackTargets = new CallbackTargets(settings.callbackHosts());
        this.callbacks = new OutcomeCallbacks(reviews, callbackTargets, clock, settings.callbackAttempts(),
                settings.callbackBackoff(), settings.callbackTimeout());
        this.reviewers = ReviewerAccounts.from(config);
        this.sessions = new ReviewerSessions(database, reviewers, clock,
                config.hasPath("veto.console.session-lifetime") ? config.getDuration("veto.console.session-lifetime") : Duration.ofHours(8));
        this.logins = new LoginThrottle(database, clock, 5, Duration.ofMinutes(5));
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "veto-store-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens the store the configuration names (an SQLite file under {@code <home>/data} by default), migrates
     * its schema and starts its housekeeping.
     *
     * @param config the host configuration
     * @param home   the installation directory
     * @param clock  the clock
     * @param meters where escalations are counted
     * @return the store
     * @throws StoreException if the database cannot be opened or migrated
     */
    public static Store open(Config config, Path home, Clock clock, MeterRegistry meters) {
        Config withDefaults = config.withFallback(com.typesafe.config.ConfigFactory.parseResources(Store.class, "/reference.conf")).resolve();
        StoreSettings settings = StoreSettings.from(withDefaults, home);
        Database database = Database.open(settings);
        Store store;
        try {
            store = new Store(settings, database, clock, meters, withDefaults);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        store.startHousekeeping();
        return store;
    }

    /**
     * Registers the audit trail (if enabled) and the {@code review-queue} escalator factory with a host builder.
     *
     * @param builder the host builder
     * @return the builder
     */
    public dev.veto.core.Veto.Builder attach(dev.veto.core.Veto.Builder builder) {
        if (settings.auditEnabled()) {
            builder.recorder(audit);
        }
        return attachEscalatorFactory(builder);
    }

    /**
     * Registers only the {@code review-queue} escalator factory, for tools whose decisions are not traffic
     * (evaluations, policy tests): the configured escalator is available, nothing is audited.
     *
     * @param builder the host builder
     * @return the builder
     */
    public dev.veto.core.Veto.Builder attachEscalatorFactory(dev.veto.core.Veto.Builder builder) {
        return builder.escalatorFactory(new ReviewQueueEscalatorFactory(reviews, callbackTargets));
    }

    private void startHousekeeping() {
        long every = Math.max(1, settings.sweepInterval().toMillis());
        housekeeping.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    /** Expires due cases, retries callbacks, and hourly deletes old audit records and sessions. */
    public void sweep() {
        try {
            reviews.expireDue();
            callbacks.dispatchDue();
            Instant now = Instant.now();
            if (Duration.between(lastPurge, now).compareTo(Duration.ofHours(1)) >= 0) {
                lastPurge = now;
                int purged = audit.purgeOlderThan(settings.auditRetention());
                sessions.purgeExpired();
                logins.purgeExpired();
                if (purged > 0) {
                    log.info("Deleted {} audit records older than {} (veto.store.audit.retention)", purged, settings.auditRetention());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Store housekeeping failed; retrying in {}: {}", settings.sweepInterval(), e.getMessage());
        }
    }

    /** @return the settings */
    public StoreSettings settings() {
        return settings;
    }

    /** @return the database */
    public Database database() {
        return database;
    }

    /** @return the audit trail */
    public AuditTrail audit() {
        return audit;
    }

    /** @return the review queue */
    public ReviewQueue reviews() {
        return reviews;
    }

    /** @return the allowed callback hosts */
    public CallbackTargets callbackTargets() {
        return callbackTargets;
    }

    /** @return the outcome callback dispatcher */
    public OutcomeCallbacks callbacks() {
        return callbacks;
    }

    /** @return the configured reviewers */
    public ReviewerAccounts reviewers() {
        return reviewers;
    }

    /** @return failed console logins, counted across hosts */
    public LoginThrottle logins() {
        return logins;
    }

    /** @return console sessions */
    public ReviewerSessions sessions() {
        return sessions;
    }

    @Override
    public void close() {
        BackgroundThreads.stop(housekeeping);
        audit.close();
        database.close();
    }

    private static String hostName() {
        String configured = System.getenv("VETO_HOST_NAME");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

}
