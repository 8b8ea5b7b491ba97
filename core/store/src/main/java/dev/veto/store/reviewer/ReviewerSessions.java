package dev.veto.store.reviewer;

import dev.veto.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Console login sessions, kept in the store so any host behind a load balancer recognises them and a logout
 * ends them everywhere. The token is random (256 bits) and only its SHA-256 is stored.
 */
public final class ReviewerSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database database;
    private final ReviewerAccounts accounts;
    private final Clock clock;
    private final Duration lifetime;

    /**
     * Creates the sessions.
     *
     * @param database the store
     * @param accounts the configured reviewers (a session ends when its reviewer is removed)
     * @param clock    the clock
     * @param lifetime how long a session lasts
     */
    public ReviewerSessions(Database database, ReviewerAccounts accounts, Clock clock, Duration lifetime) {
        this.database = database;
        this.accounts = accounts;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** @return how long a session lasts */
    public Duration lifetime() {
        return lifetime;
    }

    /**
     * Opens a session.
     *
     * @param reviewer the authenticated reviewer
     * @return the token for the session cookie
     */
    public String open(Reviewer reviewer) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO reviewer_session (token_hash, reviewer, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, sha256(token));
                insert.setString(2, reviewer.name());
                insert.setLong(3, now.toEpochMilli());
                insert.setLong(4, now.plus(lifetime).toEpochMilli());
                insert.executeUpdate();
            }
            return null;
        });
        return token;
    }

    /**
     * The reviewer a token belongs to.
     *
     * @param token the session cookie's value
     * @return the reviewer, if the session is open and they are still configured
     */
    public Optional<Reviewer> reviewer(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        long now = clock.millis();
        Optional<String> name = database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT reviewer FROM reviewer_session WHERE token_hash = ? AND expires_at > ?")) {
                query.setString(1, sha256(token));
                query.setLong(2, now);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
                }
            }
        });
        return name.flatMap(accounts::find);
    }

    /**
     * Ends a session.
     *
     * @param token the session cookie's value
     */
    public void close(String token) {
        if (token == null || token.isBlank()) {
            return;
        }
        database.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM reviewer_session WHERE token_hash = ?")) {
                delete.setString(1, sha256(token));
                return delete.executeUpdate();
            }
        });
    }

    /**
     * Deletes expired sessions.
     *
     * @return how many
     */
    public int purgeExpired() {
        long now = clock.millis();
        return database.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM reviewer_session WHERE expires_at <= ?")) {
                delete.setLong(1, now);
                return delete.executeUpdate();
            }
        });
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
