package dev.veto.store.audit;

import dev.veto.store.Database;
import dev.veto.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes audit records in shared transactions: the request threads hand their records to one writer thread,
 * which inserts whatever has queued up meanwhile in a single transaction and then releases every waiting
 * thread at once. Each record is still committed before its request returns; the commit (the database's
 * write lock, its log write) is paid once per batch instead of once per decision — the classic group commit.
 */
final class GroupCommit implements AutoCloseable {

    /** Inserts one batch of rows on a connection, inside the transaction this class opens. */
    @FunctionalInterface
    interface BatchInsert<T> {
        void insert(Connection connection, List<T> rows) throws SQLException;
    }

    private record Pending<T>(T row, CompletableFuture<Void> committed) {
    }

    private static final int MAX_BATCH = 256;

    private final Database database;
    private final BatchInsert<Object> insert;
    private final Duration timeout;
    private final BlockingQueue<Pending<Object>> queue = new ArrayBlockingQueue<>(8192);
    private final Thread writer;
    private volatile boolean closed;

    @SuppressWarnings("unchecked")
    <T> GroupCommit(Database database, BatchInsert<T> insert, Duration timeout) {
        this.database = database;
        this.insert = (BatchInsert<Object>) insert;
        this.timeout = timeout;
        this.writer = new Thread(this::run, "veto-audit-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Writes a row and returns once it is committed.
     *
     * @param row the row
     * @throws StoreException if it was not committed within the timeout or the transaction failed
     */
    void write(Object row) {
        if (closed) {
            throw new StoreException("the audit trail is closed");
        }
        Pending<Object> pending = new Pending<>(row, new CompletableFuture<>());
        try {
            if (!queue.offer(pending, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StoreException("the audit trail's write queue stayed full for " + timeout);
            }
            pending.committed().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while the audit record was written", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof StoreException store ? store : new StoreException("the audit record was not written: " + cause, cause);
        } catch (TimeoutException e) {
            throw new StoreException("the audit record was not committed within " + timeout, e);
        }
    }

    private void run() {
        List<Pending<Object>> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending<Object> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
            } finally {
                batch.clear();
            }
        }
        StoreException gone = new StoreException("the audit trail closed before the record was written");
        for (Pending<Object> left = queue.poll(); left != null; left = queue.poll()) {
            left.committed().completeExceptionally(gone);
        }
    }

    private void commit(List<Pending<Object>> batch) {
        List<Object> rows = new ArrayList<>(batch.size());
        batch.forEach(p -> rows.add(p.row()));
        try {
            database.transaction(connection -> {
                insert.insert(connection, rows);
                return null;
            });
            batch.forEach(p -> p.committed().complete(null));
        } catch (RuntimeException e) {
            batch.forEach(p -> p.committed().completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            writer.join(timeout.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
