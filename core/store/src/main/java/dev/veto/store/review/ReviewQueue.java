package dev.veto.store.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veto.spi.escalator.EscalationStatus;
import dev.veto.store.Database;
import dev.veto.store.StoreException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable queue of escalated cases, shared by every host on one database.
 *
 * <p>A reviewer claims a case and holds it for a lease; only the holder may decide it, and only while the
 * lease runs. Every change is a conditional update on the row's version, so two reviewers — on one host or
 * on two — can never both claim or both decide one case: the second sees a conflict. A case nobody decides
 * by its due time expires, and the policy's {@code on-escalation-expiry} verdict applies.
 *
 * <p>Tenants: every read and action takes the tenants the caller may see ({@code *}: all); a case of
 * another tenant is reported as not found, never as forbidden, so its existence does not leak.
 */
public final class ReviewQueue {

    /** Longest response a reviewer may write. */
    static final int MAX_RESPONSE = 20_000;
    /** Longest note. */
    static final int MAX_NOTE = 4_000;
    private static final String SYSTEM = "system";
    private static final TypeReference<Map<String, String>> CONTEXT = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, Object>>> SIGNALS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.util.concurrent.atomic.AtomicLong EVENTS = new java.util.concurrent.atomic.AtomicLong();

    private final Database database;
    private final Clock clock;
    private final Duration lease;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Counter opened;
    private final Counter expired;
    private final MeterRegistry meters;
    private final Timer timeToResolution;

    /**
     * Creates the queue.
     *
     * @param database the store
     * @param clock    the clock leases and due times are measured with
     * @param meters   where escalations are counted
     * @param lease    how long a claim lasts
     */
    public ReviewQueue(Database database, Clock clock, MeterRegistry meters, Duration lease) {
        this.database = database;
        this.clock = clock;
        this.lease = lease;
        this.meters = meters;
        this.opened = Counter.builder("veto.escalations.opened").description("Cases put in the review queue").register(meters);
        this.expired = Counter.builder("veto.escalations.expired").description("Cases nobody decided in time").register(meters);
        this.timeToResolution = Timer.builder("veto.escalations.time.to.resolution")
                .description("From opening a case to a human decision").register(meters);
    }

    /**
     * Opens a case: committed when this returns.
     *
     * @param draft the case
     * @return the case as stored
     */
    public ReviewCase open(NewCase draft) {
        String caseId = "case_" + HexFormat.of().formatHex(randomBytes(12));
        Instant now = clock.instant();
        ReviewCase opened = database.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO review_case (case_id, tenant, "
                    + "request_id, created_at, due_at, priority, status, language, text_handling, prompt, context, signals, "
                    + "verdict_rule, categories, rationale, policy_version, on_expiry, callback_url, callback_state, "
                    + "callback_attempts, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)")) {
                int i = 1;
                insert.setString(i++, caseId);
                insert.setString(i++, draft.tenant());
                insert.setString(i++, draft.requestId());
                insert.setLong(i++, now.toEpochMilli());
                insert.setLong(i++, now.plus(draft.sla()).toEpochMilli());
                insert.setInt(i++, draft.priority());
                insert.setString(i++, EscalationStatus.PENDING.name());
                insert.setString(i++, draft.language());
                insert.setString(i++, draft.textHandling());
                insert.setString(i++, draft.prompt());
                insert.setString(i++, json(draft.context()));
                insert.setString(i++, json(draft.signals()));
                insert.setString(i++, draft.rule());
                insert.setString(i++, json(draft.categories()));
                insert.setString(i++, draft.rationale());
                insert.setString(i++, draft.policyVersion());
                insert.setString(i++, draft.onExpiry());
                insert.setString(i++, draft.callbackUrl().orElse(null));
                insert.setString(i, CallbackState.NONE.name());
                insert.executeUpdate();
            }
            event(connection, caseId, now, SYSTEM, "opened", "");
            return load(connection, caseId).orElseThrow();
        });
        this.opened.increment();
        return opened;
    }

    /**
     * Finds a case whatever its tenant (for the escalator's outcome lookups and operators).
     *
     * @param caseId the case id
     * @return the case, if it exists
     */
    public Optional<ReviewCase> find(String caseId) {
        return database.read(connection -> load(connection, caseId));
    }

    /**
     * Finds a case the caller may see.
     *
     * @param caseId  the case id
     * @param tenants the caller's tenants ({@code *}: all)
     * @return the case, if it exists and belongs to one of the tenants
     */
    public Optional<ReviewCase> find(String caseId, Collection<String> tenants) {
        return find(caseId).filter(c -> visible(c, tenants));
    }

    /**
     * Lists cases, most urgent first: by priority, then age.
     *
     * @param tenants  the caller's tenants ({@code *}: all)
     * @param statuses only these statuses; empty: all
     * @param category only cases with this category; empty: all
     * @param limit    at most this many
     * @return the cases
     */
    public List<ReviewCase> list(Collection<String> tenants, Collection<EscalationStatus> statuses, Optional<String> category,
                                 int limit) {
        if (tenants.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM review_case WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (!tenants.contains("*")) {
            sql.append(" AND tenant IN (").append(placeholders(tenants.size())).append(')');
            parameters.addAll(tenants);
        }
        if (!statuses.isEmpty()) {
            sql.append(" AND status IN (").append(placeholders(statuses.size())).append(')');
            statuses.forEach(s -> parameters.add(s.name()));
        }
        if (category.isPresent()) {
            sql.append(" AND categories LIKE ?");
            parameters.add("%\"" + category.get().replace("\"", "") + "\"%");
        }
        sql.append(" ORDER BY CASE WHEN status IN ('PENDING', 'IN_REVIEW') THEN 0 ELSE 1 END, priority, created_at LIMIT ?");
        parameters.add(limit);
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
                bind(query, parameters);
                return readAll(query);
            }
        });
    }

    /**
     * Claims a case for a reviewer, for the lease period. A reviewer may renew their own claim.
     *
     * @param caseId   the case
     * @param reviewer the reviewer
     * @param tenants  the reviewer's tenants
     * @return the claimed case
     * @throws ReviewException NOT_FOUND, or CONFLICT when someone else holds it or it is settled
     */
    public ReviewCase claim(String caseId, String reviewer, Collection<String> tenants) {
        Instant now = clock.instant();
        return database.transaction(connection -> {
            ReviewCase current = visibleCase(connection, caseId, tenants);
            if (current.resolved()) {
                throw settled(current);
            }
            if (!current.dueAt().isAfter(now)) {
                throw new ReviewException(ReviewException.Kind.CONFLICT, "case " + caseId + " is past its due time and expires");
            }
            boolean heldByOther = current.status() == EscalationStatus.IN_REVIEW
                    && !current.reviewer().orElse("").equals(reviewer)
                    && current.leaseUntil().map(until -> until.isAfter(now)).orElse(false);
            if (heldByOther) {
                throw new ReviewException(ReviewException.Kind.CONFLICT, "case " + caseId + " is claimed by "
                        + current.reviewer().orElseThrow() + " until " + current.leaseUntil().orElseThrow());
            }
            if (!take(connection, current, reviewer, now)) {
                throw new ReviewException(ReviewException.Kind.CONFLICT, "case " + caseId + " was just claimed by someone else");
            }
            event(connection, caseId, now, reviewer, "claimed", "");
            return load(connection, caseId).orElseThrow();
        });
    }

    /**
     * Claims the most urgent case a reviewer may take: pending, or held by a lapsed claim.
     *
     * @param reviewer the reviewer
     * @param tenants  the reviewer's tenants
     * @return the claimed case, or empty when the queue has nothing for them
     */
    public Optional<ReviewCase> claimNext(String reviewer, Collection<String> tenants) {
        if (tenants.isEmpty()) {
            return Optional.empty();
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            Instant now = clock.instant();
            List<ReviewCase> candidates = claimable(tenants, now);
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            for (ReviewCase candidate : candidates) {
                Optional<ReviewCase> taken = database.transaction(connection -> {
                    if (!take(connection, candidate, reviewer, now)) {
                        return Optional.<ReviewCase>empty();
                    }
                    event(connection, candidate.caseId(), now, reviewer, "claimed", "");
                    return load(connection, candidate.caseId());
                });
                if (taken.isPresent()) {
                    return taken;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Gives a claimed case back to the queue.
     *
     * @param caseId   the case
     * @param reviewer the reviewer holding it
     * @param tenants  the reviewer's tenants
     * @return the case, pending again
     */
    public ReviewCase release(String caseId, String reviewer, Collection<String> tenants) {
        Instant now = clock.instant();
        return database.transaction(connection -> {
            ReviewCase current = heldBy(connection, caseId, reviewer, tenants, now);
            try (PreparedStatement update = connection.prepareStatement("UPDATE review_case SET status = ?, reviewer = NULL, "
                    + "lease_until = NULL, version = version + 1 WHERE case_id = ? AND version = ?")) {
                update.setString(1, EscalationStatus.PENDING.name());
                update.setString(2, caseId);
                update.setInt(3, current.version());
                if (update.executeUpdate() != 1) {
                    throw new ReviewException(ReviewException.Kind.CONFLICT, "case " + caseId + " changed meanwhile; reload it");
                }
            }
            event(connection, caseId, now, reviewer, "released", "");
            return load(connection, caseId).orElseThrow();
        });
    }

    /**
     * Decides a claimed case. Only the reviewer holding an unexpired claim may decide, and only once.
     *
     * @param caseId   the case
     * @param reviewer the reviewer holding it
     * @param tenants  the reviewer's tenants
     * @param action   approve, deny or edit
     * @param response the response for an edit (required) or an approval (optional)
     * @param note     a note for operators, possibly empty
     * @return the decided case
     * @throws ReviewException INVALID, NOT_FOUND, CONFLICT (not held, or already decided) or LEASE_EXPIRED
     */
    public ReviewCase decide(String caseId, String reviewer, Collection<String> tenants, ReviewAction action,
                             String response, String note) {
        String text = response == null ? "" : response.strip();
        String remark = note == null ? "" : note.strip();
        if (action == ReviewAction.EDIT && text.isEmpty()) {
            throw new ReviewException(ReviewException.Kind.INVALID, "an edit needs the response to send");
        }
        if (text.length() > MAX_RESPONSE || remark.length() > MAX_NOTE) {
            throw new ReviewException(ReviewException.Kind.INVALID, "the response may have at most " + MAX_RESPONSE
                    + " characters and the note " + MAX_NOTE);
        }
        Instant now = clock.instant();
        ReviewCase decided = database.transaction(connection -> {
            ReviewCase current = heldBy(connection, caseId, reviewer, tenants, now);
            EscalationStatus status = action == ReviewAction.DENY ? EscalationStatus.DENIED : EscalationStatus.APPROVED;
            try (PreparedStatement update = connection.prepareStatement("UPDATE review_case SET status = ?, response = ?, "
                    + "note = ?, resolved_at = ?, resolved_by = ?, lease_until = NULL, version = version + 1, "
                    + "callback_state = CASE WHEN callback_url IS NULL THEN callback_state ELSE ? END, callback_next_at = ? "
                    + "WHERE case_id = ? AND version = ?")) {
                int i = 1;
                update.setString(i++, status.name());
                update.setString(i++, text.isEmpty() ? null : text);
                update.setString(i++, remark.isEmpty() ? null : remark);
                update.setLong(i++, now.toEpochMilli());
                update.setString(i++, reviewer);
                update.setString(i++, CallbackState.PENDING.name());
                update.setLong(i++, now.toEpochMilli());
                update.setString(i++, caseId);
                update.setInt(i, current.version());
                if (update.executeUpdate() != 1) {
                    throw new ReviewException(ReviewException.Kind.CONFLICT, "case " + caseId + " changed meanwhile; reload it");
                }
            }
            event(connection, caseId, now, reviewer, action == ReviewAction.EDIT ? "edited" : status.name().toLowerCase(java.util.Locale.ROOT), remark);
            return load(connection, caseId).orElseThrow();
        });
        Counter.builder("veto.escalations.resolved").description("Cases a human decided")
                .tag("outcome", decided.status().name().toLowerCase(java.util.Locale.ROOT)).register(meters).increment();
        timeToResolution.record(Duration.between(decided.createdAt(), now));
        return decided;
    }

    /**
     * Expires every unsettled case past its due time: its outcome becomes the policy's expiry verdict.
     *
     * @return the cases expired now
     */
    public List<ReviewCase> expireDue() {
        Instant now = clock.instant();
        List<ReviewCase> due = database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT * FROM review_case WHERE status IN ('PENDING', 'IN_REVIEW') AND due_at <= ? ORDER BY due_at LIMIT 500")) {
                query.setLong(1, now.toEpochMilli());
                return readAll(query);
            }
        });
        List<ReviewCase> expiredNow = new ArrayList<>();
        for (ReviewCase candidate : due) {
            database.transaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE review_case SET status = ?, resolved_at = ?, "
                        + "resolved_by = ?, lease_until = NULL, version = version + 1, "
                        + "callback_state = CASE WHEN callback_url IS NULL THEN callback_state ELSE ? END, callback_next_at = ? "
                        + "WHERE case_id = ? AND version = ?")) {
                    update.setString(1, EscalationStatus.EXPIRED.name());
                    update.setLong(2, now.toEpochMilli());
                    update.setString(3, SYSTEM);
                    update.setString(4, CallbackState.PENDING.name());
                    update.setLong(5, now.toEpochMilli());
                    update.setString(6, candidate.caseId());
                    update.setInt(7, candidate.version());
                    if (update.executeUpdate() == 1) {
                        event(connection, candidate.caseId(), now, SYSTEM, "expired", "on-escalation-expiry: " + candidate.onExpiry());
                        expiredNow.add(load(connection, candidate.caseId()).orElseThrow());
                    }
                }
                return null;
            });
        }
        expired.increment(expiredNow.size());
        return expiredNow;
    }

    /**
     * A case's history, oldest first.
     *
     * @param caseId the case
     * @return its events
     */
    public List<ReviewEvent> history(String caseId) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT case_id, at, actor, action, note FROM review_event WHERE case_id = ? ORDER BY at, event_id")) {
                query.setString(1, caseId);
                return Database.list(query, rows -> new ReviewEvent(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)),
                        rows.getString(3), rows.getString(4), rows.getString(5)));
            }
        });
    }

    /**
     * The backlog of the given tenants.
     *
     * @param tenants the caller's tenants ({@code *}: all)
     * @return counts by status, the oldest waiting case's age, the mean time to a human decision
     */
    public Backlog backlog(Collection<String> tenants) {
        if (tenants.isEmpty()) {
            return new Backlog(Map.of(), Duration.ZERO, Duration.ZERO, 0);
        }
        boolean all = tenants.contains("*");
        String filter = all ? "" : " WHERE tenant IN (" + placeholders(tenants.size()) + ")";
        String and = all ? " WHERE " : filter + " AND ";
        Instant now = clock.instant();
        return database.read(connection -> {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            for (EscalationStatus status : EscalationStatus.values()) {
                byStatus.put(status.name(), 0L);
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT status, COUNT(*) FROM review_case" + filter + " GROUP BY status")) {
                bind(query, all ? List.of() : List.copyOf(tenants));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        byStatus.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            Duration oldest = Duration.ZERO;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT MIN(created_at) FROM review_case" + and + "status IN ('PENDING', 'IN_REVIEW')")) {
                bind(query, all ? List.of() : List.copyOf(tenants));
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next() && rows.getObject(1) != null) {
                        oldest = Duration.between(Instant.ofEpochMilli(rows.getLong(1)), now);
                    }
                }
            }
            Duration mean = Duration.ZERO;
            long resolved = 0;
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*), AVG(resolved_at - created_at) FROM "
                    + "review_case" + and + "status IN ('APPROVED', 'DENIED')")) {
                bind(query, all ? List.of() : List.copyOf(tenants));
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        resolved = rows.getLong(1);
                        mean = Duration.ofMillis(Math.round(rows.getDouble(2)));
                    }
                }
            }
            return new Backlog(byStatus, oldest, mean, resolved);
        });
    }

    /** The cases whose outcome callback is due, for the dispatcher. */
    List<ReviewCase> callbacksDue(int limit) {
        Instant now = clock.instant();
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT * FROM review_case WHERE callback_state = ? "
                    + "AND callback_next_at <= ? ORDER BY callback_next_at LIMIT ?")) {
                query.setString(1, CallbackState.PENDING.name());
                query.setLong(2, now.toEpochMilli());
                query.setInt(3, limit);
                return readAll(query);
            }
        });
    }

    /** The callback URL of a case, if it has one. */
    Optional<String> callbackUrl(String caseId) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT callback_url FROM review_case WHERE case_id = ?")) {
                query.setString(1, caseId);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Records a callback attempt, conditional on the version the dispatcher read, so two hosts never both
     * count one attempt.
     *
     * @return whether this host's update won
     */
    boolean callbackAttempted(ReviewCase c, CallbackState state, Optional<Instant> nextAttempt, String note) {
        Instant now = clock.instant();
        return database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE review_case SET callback_state = ?, "
                    + "callback_attempts = callback_attempts + 1, callback_next_at = ?, version = version + 1 "
                    + "WHERE case_id = ? AND version = ?")) {
                update.setString(1, state.name());
                if (nextAttempt.isPresent()) {
                    update.setLong(2, nextAttempt.get().toEpochMilli());
                } else {
                    update.setNull(2, Types.BIGINT);
                }
                update.setString(3, c.caseId());
                update.setInt(4, c.version());
                if (update.executeUpdate() != 1) {
                    return false;
                }
            }
            event(connection, c.caseId(), now, SYSTEM, "callback-" + state.name().toLowerCase(java.util.Locale.ROOT), note);
            return true;
        });
    }

    /** How many callback attempts a case has had. */
    int callbackAttempts(String caseId) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT callback_attempts FROM review_case WHERE case_id = ?")) {
                query.setString(1, caseId);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? rows.getInt(1) : 0;
                }
            }
        });
    }

    private List<ReviewCase> claimable(Collection<String> tenants, Instant now) {
        boolean all = tenants.contains("*");
        String sql = "SELECT * FROM review_case WHERE due_at > ? AND (status = 'PENDING' OR (status = 'IN_REVIEW' AND lease_until < ?))"
                + (all ? "" : " AND tenant IN (" + placeholders(tenants.size()) + ")") + " ORDER BY priority, created_at LIMIT 10";
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                List<Object> parameters = new ArrayList<>(List.of(now.toEpochMilli(), now.toEpochMilli()));
                if (!all) {
                    parameters.addAll(tenants);
                }
                bind(query, parameters);
                return readAll(query);
            }
        });
    }

    /** Takes a case for a reviewer if its row is still the version read: true if this update won. */
    private boolean take(Connection connection, ReviewCase current, String reviewer, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE review_case SET status = ?, reviewer = ?, "
                + "lease_until = ?, version = version + 1 WHERE case_id = ? AND version = ? AND status IN ('PENDING', 'IN_REVIEW')")) {
            update.setString(1, EscalationStatus.IN_REVIEW.name());
            update.setString(2, reviewer);
            update.setLong(3, now.plus(lease).toEpochMilli());
            update.setString(4, current.caseId());
            update.setInt(5, current.version());
            return update.executeUpdate() == 1;
        }
    }

    private ReviewCase heldBy(Connection connection, String caseId, String reviewer, Collection<String> tenants, Instant now)
            throws SQLException {
        ReviewCase current = visibleCase(connection, caseId, tenants);
        if (current.resolved()) {
            throw settled(current);
        }
        if (current.status() != EscalationStatus.IN_REVIEW || !current.reviewer().orElse("").equals(reviewer)) {
            throw new ReviewException(ReviewException.Kind.CONFLICT, "case " + caseId + " is not claimed by " + reviewer
                    + "; claim it first");
        }
        if (current.leaseUntil().map(until -> !until.isAfter(now)).orElse(true)) {
            throw new ReviewException(ReviewException.Kind.LEASE_EXPIRED, "the claim on case " + caseId
                    + " lapsed at " + current.leaseUntil().map(Instant::toString).orElse("?") + "; claim it again");
        }
        return current;
    }

    private ReviewCase visibleCase(Connection connection, String caseId, Collection<String> tenants) throws SQLException {
        return load(connection, caseId).filter(c -> visible(c, tenants))
                .orElseThrow(() -> new ReviewException(ReviewException.Kind.NOT_FOUND, "no case " + caseId));
    }

    private static ReviewException settled(ReviewCase current) {
        return new ReviewException(ReviewException.Kind.CONFLICT, "case " + current.caseId() + " is already "
                + current.status().name().toLowerCase(java.util.Locale.ROOT)
                + current.resolvedBy().map(by -> " by " + by).orElse(""));
    }

    private static boolean visible(ReviewCase c, Collection<String> tenants) {
        return tenants.contains("*") || tenants.contains(c.tenant());
    }

    private Optional<ReviewCase> load(Connection connection, String caseId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT * FROM review_case WHERE case_id = ?")) {
            query.setString(1, caseId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private List<ReviewCase> readAll(PreparedStatement query) throws SQLException {
        return Database.list(query, this::read);
    }

    private ReviewCase read(ResultSet rows) throws SQLException {
        try {
            return new ReviewCase(rows.getString("case_id"), rows.getString("tenant"), rows.getString("request_id"),
                    Instant.ofEpochMilli(rows.getLong("created_at")), Instant.ofEpochMilli(rows.getLong("due_at")),
                    rows.getInt("priority"), EscalationStatus.valueOf(rows.getString("status")), rows.getString("language"),
                    rows.getString("text_handling"), rows.getString("prompt"), mapper.readValue(rows.getString("context"), CONTEXT),
                    mapper.readValue(rows.getString("signals"), SIGNALS), rows.getString("verdict_rule"),
                    mapper.readValue(rows.getString("categories"), STRINGS), rows.getString("rationale"),
                    rows.getString("policy_version"), rows.getString("on_expiry"), Optional.ofNullable(rows.getString("reviewer")),
                    instant(rows, "lease_until"), Optional.ofNullable(rows.getString("response")),
                    Optional.ofNullable(rows.getString("note")), instant(rows, "resolved_at"),
                    Optional.ofNullable(rows.getString("resolved_by")), rows.getInt("version"));
        } catch (JsonProcessingException e) {
            throw new StoreException("review case " + rows.getString("case_id") + " is corrupt: " + e.getOriginalMessage(), e);
        }
    }

    private static Optional<Instant> instant(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
    }

    private static void event(Connection connection, String caseId, Instant at, String actor, String action, String note)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO review_event (event_id, case_id, at, actor, action, note) VALUES (?, ?, ?, ?, ?, ?)")) {
            // ids sort by time, then by the order this host wrote them (one clock tick holds many events)
            insert.setString(1, String.format("%013d-%08d-%s", at.toEpochMilli(), EVENTS.incrementAndGet() % 100_000_000,
                    UUID.randomUUID().toString().substring(0, 13)));
            insert.setString(2, caseId);
            insert.setLong(3, at.toEpochMilli());
            insert.setString(4, actor);
            insert.setString(5, action);
            insert.setString(6, note);
            insert.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Integer n) {
                statement.setInt(i + 1, n);
            } else if (value instanceof Long n) {
                statement.setLong(i + 1, n);
            } else {
                statement.setString(i + 1, String.valueOf(value));
            }
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps and lists always serialize", e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
