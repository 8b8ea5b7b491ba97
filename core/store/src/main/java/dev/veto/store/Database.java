package dev.veto.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pooled connection to the store's database, its schema migrated to the current version before first
 * use. SQLite runs in WAL mode (readers never wait for the writer; {@code veto audit} reads while a server
 * writes) with every transaction taking the write lock up front, so two writers queue instead of failing; its
 * log is checkpointed by a thread of its own ({@link WalCheckpointer}), not inside a request's commit.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

    /** The database products Veto supports. */
    public enum Vendor {
        /** An embedded file: one machine, zero setup. */
        SQLITE,
        /** A server several hosts share. */
        POSTGRESQL
    }

    /** Work done with one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Does the work.
         *
         * @param connection the connection, auto-commit off
         * @return the result
         * @throws SQLException if a statement fails; the transaction is rolled back
         */
        T run(Connection connection) throws SQLException;
    }

    /** Reads the current row of a result into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        /**
         * Reads one row.
         *
         * @param row the result, positioned on the row
         * @return the value
         * @throws SQLException if a column cannot be read
         */
        T read(ResultSet row) throws SQLException;
    }

    /**
     * Runs a query and reads every row it returns.
     *
     * @param query  the query, parameters bound
     * @param reader how a row becomes a value
     * @param <T>    the value type
     * @return the values, in the query's order
     * @throws SQLException if the query or a read fails
     */
    public static <T> List<T> list(PreparedStatement query, RowReader<T> reader) throws SQLException {
        List<T> values = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(reader.read(rows));
            }
        }
        return values;
    }

    private final HikariDataSource pool;
    private final Vendor vendor;
    private final WalCheckpointer checkpointer;

    private Database(HikariDataSource pool, Vendor vendor) {
        this.pool = pool;
        this.vendor = vendor;
        this.checkpointer = vendor == Vendor.SQLITE ? new WalCheckpointer(pool, CHECKPOINT_INTERVAL) : null;
    }

    /**
     * Opens the pool and migrates the schema.
     *
     * @param settings the store settings
     * @return the database
     * @throws StoreException if the database cannot be reached or migrated
     */
    public static Database open(StoreSettings settings) {
        Vendor vendor = vendorOf(settings.url());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setPoolName("veto-store");
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setInitializationFailTimeout(settings.connectionTimeout().toMillis());
        config.setAutoCommit(true);
        if (!settings.user().isEmpty()) {
            config.setUsername(settings.user());
        }
        if (!settings.password().isEmpty()) {
            config.setPassword(settings.password());
        }
        if (vendor == Vendor.SQLITE) {
            createParent(settings.url());
            config.setMaximumPoolSize(Math.min(settings.poolSize(), 4)); // one writer at a time anyway
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", settings.sqliteSynchronous());
            config.addDataSourceProperty("busy_timeout", String.valueOf(settings.connectionTimeout().toMillis()));
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.addDataSourceProperty("foreign_keys", "true");
            // WalCheckpointer checkpoints off the request path; a commit checkpoints only past this backstop
            // (~40 MB of log), should writers never leave the thread's passive checkpoints a quiet moment
            config.addDataSourceProperty("wal_autocheckpoint", String.valueOf(WalCheckpointer.BACKSTOP_PAGES));
        } else {
            config.setMaximumPoolSize(settings.poolSize());
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the store at " + redacted(settings.url()) + " (veto.store.url): "
                    + rootMessage(e), e);
        }
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("cannot migrate the store's schema at " + redacted(settings.url()) + ": "
                    + rootMessage(e), e);
        }
        log.info("Store open: {} ({})", redacted(settings.url()), vendor);
        return new Database(pool, vendor);
    }

    private static void migrate(DataSource dataSource) {
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:veto-db/common")
                    .table("veto_schema_history")
                    .baselineOnMigrate(false)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("schema migration failed: " + e.getMessage(), e);
        }
    }

    /** @return the database product */
    public Vendor vendor() {
        return vendor;
    }

    /** @return the pooled data source */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws.
     *
     * @param work the work
     * @param <T>  its result type
     * @return its result
     * @throws StoreException if the database fails
     */
    public <T> T transaction(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("the store failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs read-only work on a connection in auto-commit mode.
     *
     * @param work the work
     * @param <T>  its result type
     * @return its result
     * @throws StoreException if the database fails
     */
    public <T> T read(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("the store failed: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        if (checkpointer != null) {
            checkpointer.close();
        }
        pool.close();
    }

    static Vendor vendorOf(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            return Vendor.SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Vendor.POSTGRESQL;
        }
        throw new StoreException("veto.store.url must be a jdbc:sqlite: or jdbc:postgresql: URL, was " + redacted(url));
    }

    private static void createParent(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        file = query >= 0 ? file.substring(0, query) : file;
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the store's directory " + parent + ": " + e.getMessage(), e);
        }
    }

    /** A URL fit for a log line: credentials in its query are dropped. */
    static String redacted(String url) {
        int query = url.indexOf('?');
        return query >= 0 ? url.substring(0, query) + "?…" : url;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
