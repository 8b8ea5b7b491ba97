package dev.veto.core.chain;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The plugin pool and its work queue, shaped for short calls that must never wait behind a hung one:
 * <ul>
 *   <li>a call goes to an idle worker if there is one, else a new worker is started (up to the pool's
 *       maximum), and only then is it queued — a plain {@link ThreadPoolExecutor} queues first and starts
 *       threads last, so a call could wait behind a plugin that hangs while threads are still available;</li>
 *   <li>an idle worker busy-waits briefly ({@link Spin}) before it parks, so a call arriving within that
 *       window starts without a thread wake-up.</li>
 * </ul>
 * Whether a worker is idle is known exactly: calls in flight (submitted, not finished) are counted, and a
 * worker is free when there are fewer calls in flight than workers.
 */
final class PluginCallQueue extends ArrayBlockingQueue<Runnable> {

    private static final long serialVersionUID = 1L;

    private final long spinNanos;
    private transient volatile Pool pool;

    private PluginCallQueue(int capacity, long spinNanos) {
        super(capacity);
        this.spinNanos = spinNanos;
    }

    /** Creates a pool of at most {@code threads} daemon workers fed by such a queue. */
    static ThreadPoolExecutor newPool(int threads, int capacity, long spinNanos, ThreadFactory threadFactory) {
        PluginCallQueue queue = new PluginCallQueue(capacity, spinNanos);
        Pool pool = new Pool(threads, queue, threadFactory);
        queue.pool = pool;
        return pool;
    }

    @Override
    public boolean offer(Runnable task) {
        Pool executor = pool;
        if (executor.inFlight.get() <= executor.getPoolSize() || executor.getPoolSize() >= executor.getMaximumPoolSize()) {
            return super.offer(task); // a worker is free (or none can be added): queue it
        }
        return false; // every worker is busy: the pool starts another thread for this call
    }

    @Override
    public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
        Runnable task = Spin.until(super::poll, spinNanos);
        return task != null ? task : super.poll(timeout, unit);
    }

    @Override
    public Runnable take() throws InterruptedException {
        Runnable task = Spin.until(super::poll, spinNanos);
        return task != null ? task : super.take();
    }

    private boolean enqueue(Runnable task) {
        return super.offer(task);
    }

    /** Counts calls in flight, so the queue knows whether a worker is free. */
    private static final class Pool extends ThreadPoolExecutor {
        private final AtomicInteger inFlight = new AtomicInteger();

        Pool(int threads, PluginCallQueue queue, ThreadFactory threadFactory) {
            super(0, threads, 60, TimeUnit.SECONDS, queue, threadFactory, new QueueWhenNoThread());
        }

        @Override
        public void execute(Runnable task) {
            inFlight.incrementAndGet();
            try {
                super.execute(task);
            } catch (RejectedExecutionException e) {
                inFlight.decrementAndGet();
                throw e;
            }
        }

        @Override
        protected void afterExecute(Runnable task, Throwable failure) {
            inFlight.decrementAndGet();
        }
    }

    /** When no thread could be started after all (a race at the maximum), the call is queued. */
    private static final class QueueWhenNoThread implements RejectedExecutionHandler {
        @Override
        public void rejectedExecution(Runnable task, ThreadPoolExecutor executor) {
            if (executor.isShutdown() || !((PluginCallQueue) executor.getQueue()).enqueue(task)) {
                throw new RejectedExecutionException("all plugin threads are busy and the queue is full");
            }
        }
    }
}
