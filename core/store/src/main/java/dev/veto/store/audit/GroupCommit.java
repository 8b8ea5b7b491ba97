package dev.veto.store.audit;

import dev.veto.store.Database;
import dev.veto.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit records in shared transactions (group commit): the first request thread to arrive becomes the
 * leader and commits every record that has queued up, its own included, in one transaction; threads that
 * arrive meanwhile wait, and when the leader is done the first of them leads the next batch. Each record is
 * committed before its request returns, while the commit (the database's write lock, its log write) is paid
 * once per batch. No extra thread: on a busy machine a writer thread would wait for the CPU behind every
 * request thread, and every request behind it.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** Inserts one batch of rows on a connection, inside the transaction this class opens. */
    @FunctionalInterface
    interface BatchInsert<T> {
        void insert(Connection connection, List<T> rows) throws SQLException;
    }

    /** One row and what became of it; guarded by the lock of its {@link GroupCommit}. */
    private static final class Pending {
        final Object row;
        boolean done;
        boolean leads;
        RuntimeException failure;

        Pending(Object row) {
            this.row = row;
        }
    }

    private static final int MAX_BATCH = 512;

    private final Database database;
    private final BatchInsert<Object> insert;
    private final Consumer<List<Object>> committed;
    private final long timeoutNanos;
    private final Object lock = new Object();
    private List<Pending> waiting = new ArrayList<>();
    private boolean leaderActive;
    private boolean closed;

    /**
     * @param committed told of each batch once it is committed, by the thread that committed it
     */
    @SuppressWarnings("unchecked")
    <T> GroupCommit(Database database, BatchInsert<T> insert, Consumer<List<T>> committed, Duration timeout) {
        this.database = database;
        this.insert = (BatchInsert<Object>) insert;
        this.committed = (Consumer<List<Object>>) (Consumer<?>) committed;
        this.timeoutNanos = timeout.toNanos();
    }

    /**
     * Writes a row and returns once it is committed.
     *
     * @param row the row
     * @throws StoreException if the transaction failed, or the row could not be queued within the timeout
     */
    void write(Object row) {
        Pending mine = new Pending(row);
        synchronized (lock) {
            if (closed) {
                throw new StoreException("the audit trail is closed");
            }
            waiting.add(mine);
            if (!leaderActive) {
                leaderActive = true;
                mine.leads = true;
            } else {
                awaitTurn(mine);
            }
        }
        if (mine.leads) {
            lead();
        }
        synchronized (lock) {
            if (mine.failure != null) {
                throw mine.failure;
            }
        }
    }

    /** Waits, holding the lock, until this row is committed or it is this thread's turn to lead. */
    private void awaitTurn(Pending mine) {
        long deadline = System.nanoTime() + timeoutNanos;
        boolean interrupted = false;
        while (!mine.done && !mine.leads) {
            long left = deadline - System.nanoTime();
            if (left <= 0 && waiting.remove(mine)) {
                throw new StoreException("the audit record was not committed within " + Duration.ofNanos(timeoutNanos));
            }
            // past the deadline but already in a batch being committed: that commit is bounded by the
            // database's own timeouts, so wait for its outcome rather than report a record that may be in
            try {
                lock.wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Commits one batch, hands the lead to the first row that arrived meanwhile, then tells the callback —
     * after the hand-over, so that logging the batch holds up no one but this request.
     */
    private void lead() {
        List<Pending> batch;
        synchronized (lock) {
            batch = waiting.size() <= MAX_BATCH ? waiting : new ArrayList<>(waiting.subList(0, MAX_BATCH));
            waiting = batch == waiting ? new ArrayList<>() : new ArrayList<>(waiting.subList(MAX_BATCH, waiting.size()));
        }
        List<Object> rows = new ArrayList<>(batch.size());
        batch.forEach(p -> rows.add(p.row));
        RuntimeException failure = commit(rows);
        synchronized (lock) {
            for (Pending pending : batch) {
                pending.done = true;
                pending.failure = failure;
            }
            if (waiting.isEmpty()) {
                leaderActive = false;
            } else {
                waiting.get(0).leads = true; // hand over: the leader's own request should not wait for others
            }
            lock.notifyAll();
        }
        if (failure == null) {
            try {
                committed.accept(rows);
            } catch (RuntimeException e) {
                log.warn("After the audit records were committed: {}", e.toString());
            }
        }
    }

    /** Commits the rows; {@code null} once committed, else the failure (an Error too: the lead must pass on). */
    private RuntimeException commit(List<Object> rows) {
        try {
            database.transaction(connection -> {
                insert.insert(connection, rows);
                return null;
            });
            return null;
        } catch (StoreException e) {
            return e;
        } catch (RuntimeException | Error e) {
            return new StoreException("the audit records were not written: " + e, e);
        }
    }

    /** Refuses new rows; rows already queued are committed by their leaders. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
    }
}
