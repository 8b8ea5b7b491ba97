package dev.veto.store.reviewer;

import dev.veto.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;

/**
 * Slows password guessing across every host: after {@code maxFailures} failed logins for one name within
 * {@code window}, that name is refused until the window has passed. Counted in the store, so a cluster
 * behind a load balancer does not multiply an attacker's attempts by its size.
 */
public final class LoginThrottle {

    private final Database database;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

    /**
     * Creates the throttle.
     *
     * @param database    the store
     * @param clock       the clock
     * @param maxFailures failed attempts allowed per name and window
     * @param window      how long failures count
     */
    public LoginThrottle(Database database, Clock clock, int maxFailures, Duration window) {
        this.database = database;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /**
     * Whether a login for this name may be tried now.
     *
     * @param name the login name
     * @return false while the name is locked
     */
    public boolean allows(String name) {
        long since = clock.millis() - window.toMillis();
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT failures FROM login_failure WHERE name = ? AND first_at > ?")) {
                query.setString(1, name);
                query.setLong(2, since);
                try (ResultSet rows = query.executeQuery()) {
                    return !rows.next() || rows.getInt(1) < maxFailures;
                }
            }
        });
    }

    /**
     * Counts a failed login.
     *
     * @param name the login name
     */
    public void failed(String name) {
        long now = clock.millis();
        long since = now - window.toMillis();
        database.transaction(connection -> {
            // one statement, the same in SQLite and PostgreSQL: a window that has passed starts again,
            // otherwise one more failure in it; two hosts counting at once both count
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO login_failure (name, failures, first_at) "
                    + "VALUES (?, 1, ?) ON CONFLICT (name) DO UPDATE SET "
                    + "failures = CASE WHEN login_failure.first_at > ? THEN login_failure.failures + 1 ELSE 1 END, "
                    + "first_at = CASE WHEN login_failure.first_at > ? THEN login_failure.first_at ELSE excluded.first_at END")) {
                upsert.setString(1, name);
                upsert.setLong(2, now);
                upsert.setLong(3, since);
                upsert.setLong(4, since);
                return upsert.executeUpdate();
            }
        });
    }

    /**
     * Forgets a name's failures after a successful login.
     *
     * @param name the login name
     */
    public void succeeded(String name) {
        database.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM login_failure WHERE name = ?")) {
                delete.setString(1, name);
                return delete.executeUpdate();
            }
        });
    }

    /**
     * Deletes counts whose window has passed (housekeeping: made-up names must not fill the table).
     *
     * @return how many were deleted
     */
    public int purgeExpired() {
        long since = clock.millis() - window.toMillis();
        return database.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM login_failure WHERE first_at <= ?")) {
                delete.setLong(1, since);
                return delete.executeUpdate();
            }
        });
    }
}
