package dev.veto.core.chain;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The plugin pool's work queue, shaped for short calls:
 * <ul>
 *   <li>a call goes to an idle worker if there is one, else a new worker is started (up to the pool's
 *       maximum), and only then is it queued — a plain {@link ThreadPoolExecutor} would queue first and
 *       start threads last, or start a thread per call until the core size is reached;</li>
 *   <li>an idle worker busy-waits briefly ({@link Spin}) before it parks, so a call arriving within that
 *       window starts without a thread wake-up.</li>
 * </ul>
 */
final class PluginCallQueue extends ArrayBlockingQueue<Runnable> {

    private static final long serialVersionUID = 1L;

    private final long spinNanos;
    private final AtomicInteger idleWorkers = new AtomicInteger();
    private transient volatile ThreadPoolExecutor pool;

    PluginCallQueue(int capacity, long spinNanos) {
        super(capacity);
        this.spinNanos = spinNanos;
    }

    /** Creates the pool this queue feeds. */
    static ThreadPoolExecutor newPool(int threads, int capacity, long spinNanos, java.util.concurrent.ThreadFactory threadFactory) {
        PluginCallQueue queue = new PluginCallQueue(capacity, spinNanos);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, threads, 60, TimeUnit.SECONDS, queue, threadFactory,
                queue.new QueueWhenFull());
        queue.pool = pool;
        return pool;
    }

    @Override
    public boolean offer(Runnable task) {
        ThreadPoolExecutor executor = pool;
        if (idleWorkers.get() > 0 || executor == null || executor.getPoolSize() >= executor.getMaximumPoolSize()) {
            return super.offer(task);
        }
        return false; // no idle worker: the pool starts another thread for this call
    }

    @Override
    public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
        idleWorkers.incrementAndGet();
        try {
            Runnable task = Spin.until(super::poll, spinNanos);
            return task != null ? task : super.poll(timeout, unit);
        } finally {
            idleWorkers.decrementAndGet();
        }
    }

    @Override
    public Runnable take() throws InterruptedException {
        idleWorkers.incrementAndGet();
        try {
            Runnable task = Spin.until(super::poll, spinNanos);
            return task != null ? task : super.take();
        } finally {
            idleWorkers.decrementAndGet();
        }
    }

    /** When no new thread could be started after all (a race at the maximum), the call is queued. */
    private final class QueueWhenFull implements RejectedExecutionHandler {
        @Override
        public void rejectedExecution(Runnable task, ThreadPoolExecutor executor) {
            if (executor.isShutdown() || !PluginCallQueue.super.offer(task)) {
                throw new RejectedExecutionException("all plugin threads are busy and the queue is full");
            }
        }
    }
}
