package dev.veto.store.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.veto.core.Decision;
import dev.veto.core.audit.DecisionRecorder;
import dev.veto.core.audit.UserHash;
import dev.veto.core.privacy.RedactedRequest;
import dev.veto.core.privacy.Redactor;
import dev.veto.core.trace.StageTrace;
import dev.veto.spi.request.Request;
import dev.veto.store.Database;
import dev.veto.store.SignalSummaries;
import dev.veto.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable audit trail: every decision — allowed ones too — is committed to the store before the chain
 * returns it (decisions arriving together share one transaction: {@link GroupCommit}), so an acknowledged
 * decision is never missing (a failed write is {@linkplain #required()
 * required}: the decision is not acknowledged). Each committed record is also logged as one JSON line to the
 * {@code veto.audit.json} logger, for a SIEM to collect through a Logback appender (a batch's lines, one per
 * record, in one logging event).
 */
public final class AuditTrail implements DecisionRecorder, AutoCloseable {

    private static final Logger jsonLines = LoggerFactory.getLogger("veto.audit.json");
    /** Time-ordered ids: a batch's keys land on the last page of the key's index, not on a random page each. */
    private static final TimeBasedEpochGenerator RECORD_IDS = Generators.timeBasedEpochGenerator();
    private static final TypeReference<List<Map<String, Object>>> SIGNALS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Long>> STAGES = new TypeReference<>() {
    };
    private static final String COLUMNS = "record_id, request_id, decided_at, host, tenant, user_hash, channel, language, "
            + "verdict, category, categories, rule_id, policy_version, text_handling, prompt, signals, stages, latency_us, case_id";

    private final Database database;
    private final String host;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();
    private final GroupCommit writes;

    /**
     * Creates the trail.
     *
     * @param database the store
     * @param host     this host's name, recorded with each decision
     * @param clock    the clock retention is measured with
     * @param timeout  how long a request waits for its record to be committed
     */
    public AuditTrail(Database database, String host, Clock clock, java.time.Duration timeout) {
        this.database = database;
        this.host = host;
        this.clock = clock;
        this.writes = new GroupCommit(database, this::insert, this::logCommitted, timeout);
    }

    /**
     * A record ready to insert: its JSON columns (and its log line) are written by the request thread that
     * made the decision, so that the one thread committing a batch for everyone only binds and inserts.
     */
    private record Row(AuditRecord record, String categories, String signals, String stages, String line) {
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public void record(RedactedRequest redacted, Decision decision) {
        AuditRecord record = toRecord(redacted, decision);
        writes.write(new Row(record, json(record.categories()), json(record.signals()), json(record.stageMicros()),
                jsonLines.isInfoEnabled() ? jsonLine(record) : null));
    }

    /**
     * Logs a committed batch's lines as one event — a line per record in the file — rather than an event
     * per record: under load, dozens of request threads each queueing a line for the log writer contended for
     * its queue.
     */
    private void logCommitted(List<Row> rows) {
        String lines = rows.stream().map(Row::line).filter(Objects::nonNull).collect(Collectors.joining("\n"));
        if (!lines.isEmpty()) {
            jsonLines.info(lines);
        }
    }

    private void insert(java.sql.Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_record (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Row row : rows) {
                AuditRecord record = row.record();
                int i = 1;
                insert.setString(i++, record.recordId());
                insert.setString(i++, record.requestId());
                insert.setLong(i++, record.decidedAt().toEpochMilli());
                insert.setString(i++, record.host());
                insert.setString(i++, record.tenant());
                insert.setString(i++, record.userHash());
                insert.setString(i++, record.channel());
                insert.setString(i++, record.language());
                insert.setString(i++, record.verdict());
                insert.setString(i++, record.categories().isEmpty() ? "none" : record.categories().get(0));
                insert.setString(i++, row.categories());
                insert.setString(i++, record.rule());
                insert.setString(i++, record.policyVersion());
                insert.setString(i++, record.textHandling());
                insert.setString(i++, record.prompt());
                insert.setString(i++, row.signals());
                insert.setString(i++, row.stages());
                insert.setLong(i++, record.latencyMicros());
                insert.setString(i, record.caseId().orElse(null));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Stops the writer once the records already handed to it are committed. */
    @Override
    public void close() {
        writes.close();
    }

    private AuditRecord toRecord(RedactedRequest redacted, Decision decision) {
        Request request = redacted.request();
        List<Map<String, Object>> signals = SignalSummaries.of(decision.signals());
        Map<String, Long> stages = new LinkedHashMap<>();
        for (StageTrace stage : decision.trace().stages()) {
            stages.merge(stage.stage(), stage.elapsed().toNanos() / 1_000, Long::sum);
        }
        String prompt = redacted.subject().content();
        return new AuditRecord(RECORD_IDS.generate().toString(), decision.requestId(), decision.trace().startedAt(), host,
                request.context().tenant(), UserHash.of(request.context().userId()), Redactor.contextValue(request.context().channel()),
                decision.language(), decision.verdict().name(), decision.categories(), decision.rule(),
                decision.policyVersion(), redacted.handling().name(), prompt, signals, stages,
                decision.latency().toNanos() / 1_000, decision.escalation().map(t -> t.caseId()));
    }

    /**
     * The most recent records, newest first.
     *
     * @param limit  at most this many
     * @param tenant only this tenant's, if present
     * @return the records
     */
    public List<AuditRecord> recent(int limit, Optional<String> tenant) {
        String sql = "SELECT " + COLUMNS + " FROM audit_record" + (tenant.isPresent() ? " WHERE tenant = ?" : "")
                + " ORDER BY decided_at DESC, record_id DESC LIMIT ?";
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                int i = 1;
                if (tenant.isPresent()) {
                    query.setString(i++, tenant.get());
                }
                query.setInt(i, limit);
                return readAll(query);
            }
        });
    }

    /**
     * Finds the records of one request.
     *
     * @param requestId the request id
     * @return its records (more than one if a client reused the id)
     */
    public List<AuditRecord> forRequest(String requestId) {
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM audit_record WHERE request_id = ? ORDER BY decided_at")) {
                query.setString(1, requestId);
                return readAll(query);
            }
        });
    }

    /**
     * Deletes records older than the retention period.
     *
     * @param retention how long records are kept
     * @return how many were deleted
     */
    public int purgeOlderThan(java.time.Duration retention) {
        long cutoff = clock.instant().minus(retention).toEpochMilli();
        return database.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM audit_record WHERE decided_at < ?")) {
                delete.setLong(1, cutoff);
                return delete.executeUpdate();
            }
        });
    }

    /**
     * Decisions counted by time bucket, tenant, verdict, category and language: the console's charts.
     *
     * @param tenants only these tenants ({@code *}: all)
     * @param since   from this instant
     * @param bucket  the bucket width
     * @return one count per bucket and key, oldest first
     */
    public List<DecisionCount> counts(List<String> tenants, Instant since, java.time.Duration bucket) {
        boolean all = tenants.contains("*");
        if (!all && tenants.isEmpty()) {
            return List.of();
        }
        long width = Math.max(1, bucket.toMillis());
        String filter = all ? "" : " AND tenant IN (" + String.join(", ", java.util.Collections.nCopies(tenants.size(), "?")) + ")";
        String sql = "SELECT bucket, tenant, verdict, category, language, COUNT(*) AS n FROM (SELECT (decided_at / ?) * ? AS bucket, "
                + "tenant, verdict, category, language FROM audit_record WHERE decided_at >= ?" + filter
                + ") decisions GROUP BY bucket, tenant, verdict, category, language ORDER BY bucket";
        return database.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                int i = 1;
                query.setLong(i++, width);
                query.setLong(i++, width);
                query.setLong(i++, since.toEpochMilli());
                if (!all) {
                    for (String tenant : tenants) {
                        query.setString(i++, tenant);
                    }
                }
                return Database.list(query, rows -> new DecisionCount(Instant.ofEpochMilli(rows.getLong(1)), rows.getString(2),
                        rows.getString(3), rows.getString(4), rows.getString(5), rows.getLong(6)));
            }
        });
    }

    /**
     * One record as one line of JSON: the shape of {@code veto audit --json} and of the JSON log lines.
     * Written straight to text with a streaming generator — it runs once per decision.
     *
     * @param record the record
     * @return the JSON object, on one line
     */
    public String jsonLine(AuditRecord record) {
        java.io.StringWriter text = new java.io.StringWriter(512 + record.prompt().length());
        try (com.fasterxml.jackson.core.JsonGenerator json = mapper.getFactory().createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("record_id", record.recordId());
            json.writeStringField("request_id", record.requestId());
            json.writeStringField("decided_at", record.decidedAt().toString());
            json.writeStringField("host", record.host());
            json.writeStringField("tenant", record.tenant());
            json.writeStringField("user_hash", record.userHash());
            json.writeStringField("channel", record.channel());
            json.writeStringField("language", record.language());
            json.writeStringField("verdict", record.verdict());
            json.writeObjectField("categories", record.categories());
            json.writeStringField("rule", record.rule());
            json.writeStringField("policy_version", record.policyVersion());
            json.writeStringField("text_handling", record.textHandling());
            json.writeStringField("prompt", record.prompt());
            json.writeObjectField("signals", record.signals());
            json.writeObjectField("stage_us", record.stageMicros());
            json.writeNumberField("latency_us", record.latencyMicros());
            json.writeStringField("case_id", record.caseId().orElse(null));
            json.writeEndObject();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("writing JSON to a string cannot fail", e);
        }
        return text.toString();
    }

    private List<AuditRecord> readAll(PreparedStatement query) throws SQLException {
        return Database.list(query, this::read);
    }

    private AuditRecord read(ResultSet rows) throws SQLException {
        try {
            return new AuditRecord(rows.getString("record_id"), rows.getString("request_id"),
                    Instant.ofEpochMilli(rows.getLong("decided_at")), rows.getString("host"), rows.getString("tenant"),
                    rows.getString("user_hash"), rows.getString("channel"), rows.getString("language"),
                    rows.getString("verdict"), mapper.readValue(rows.getString("categories"), new TypeReference<List<String>>() {
                    }), rows.getString("rule_id"), rows.getString("policy_version"), rows.getString("text_handling"),
                    rows.getString("prompt"), mapper.readValue(rows.getString("signals"), SIGNALS),
                    mapper.readValue(rows.getString("stages"), STAGES), rows.getLong("latency_us"),
                    Optional.ofNullable(rows.getString("case_id")));
        } catch (JsonProcessingException e) {
            throw new StoreException("audit record " + rows.getString("record_id") + " is corrupt: " + e.getOriginalMessage(), e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps and lists always serialize", e);
        }
    }

}
