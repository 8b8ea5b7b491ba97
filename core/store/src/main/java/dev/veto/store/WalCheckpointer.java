package dev.veto.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies SQLite's write-ahead log back into the database file on a thread of its own. SQLite's automatic
 * checkpoint runs inside whichever commit pushes the log past its threshold: that commit then writes and
 * syncs megabytes while every request waiting on the audit trail's group commit waits with it. A passive
 * checkpoint here never blocks a writer; it copies what no reader still needs, and the log restarts from the
 * top once it has all been copied. Under a steady stream of commits a passive checkpoint may never find the
 * log all copied, so the automatic one stays on, at a threshold ({@link #BACKSTOP_PAGES}) the log reaches only
 * then: it bounds the log's size.
 *
 * <p>Nothing is forced at close: another process (a server, beside {@code veto audit}) may be writing, and a
 * truncating checkpoint would hold its writers back; SQLite checkpoints itself when the last connection to the
 * file closes.
 */
final class WalCheckpointer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);

    /** The log's size, in pages, past which a commit checkpoints after all (about 40 MB). */
    static final int BACKSTOP_PAGES = 10_000;

    private final DataSource connections;
    private final ScheduledExecutorService thread;

    WalCheckpointer(DataSource connections, Duration every) {
        this.connections = connections;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "veto-store-checkpoint");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, every.toMillis());
        thread.scheduleWithFixedDelay(this::checkpoint, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void checkpoint() {
        try (Connection connection = connections.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException | RuntimeException e) {
            log.warn("SQLite checkpoint failed; the write-ahead log grows until the next one succeeds: {}", e.getMessage());
        }
    }

    /** Stops the thread. */
    @Override
    public void close() {
        BackgroundThreads.stop(thread);
    }
}
