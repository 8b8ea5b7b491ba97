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
 *       maximum), and only then is it queued — a plain {@link ThreadPoolExecutor} either queues first and
 *       starts threads last (a call could wait behind a hung plugin while threads are still available), or
 *       starts a thread per call up to its core size (dozens of idle threads competing to pick up work);</li>
 *   <li>whether a worker is idle is known exactly: calls in flight (submitted, not finished) are counted,
 *       and a worker is free when there are fewer calls in flight than workers. A call counts as finished
 *       when its work is done ({@link #callFinished()}, before its result is published), so the next call
 *       of the same request thread finds its worker free;</li>
 *   <li>workers never time out, so the count of workers is never stale (the pool only grows, up to its
 *       maximum, with the peak concurrency);</li>
 *   <li>an idle worker busy-waits briefly ({@link Spin#WORKERS}) before it parks, so a call arriving within
 *       that window starts without a thread wake-up.</li>
 * </ul>
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
        Runnable task = Spin.WORKERS.until(super::poll, spinNanos);
        return task != null ? task : super.poll(timeout, unit);
    }

    @Override
    public Runnable take() throws InterruptedException {
        Runnable task = Spin.WORKERS.until(super::poll, spinNanos);
        return task != null ? task : super.take();
    }

    private boolean enqueue(Runnable task) {
        return super.offer(task);
    }

    /**
     * Takes a call that was cancelled before any worker started it off the queue, so that dead entries
     * neither hold queue places nor count as calls in flight while every worker is busy (or hung).
     *
     * @param pool a pool made by {@link #newPool}
     * @param task the task as it was given to {@code execute}
     */
    static void withdraw(ThreadPoolExecutor pool, Runnable task) {
        if (pool instanceof Pool tracking) {
            tracking.withdraw(task);
        }
    }

    private static final ThreadLocal<Tracked> CURRENT = new ThreadLocal<>();

    /**
     * Marks the call running on this worker as finished, before it publishes its result; a call that does
     * not say so counts as finished when it returns.
     */
    static void callFinished() {
        Tracked tracked = CURRENT.get();
        if (tracked != null) {
            tracked.finish();
        }
    }

    /** A call counted in flight until it finishes. */
    private static final class Tracked implements Runnable {
        private final Runnable task;
        private final AtomicInteger inFlight;
        private final java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();

        Tracked(Runnable task, AtomicInteger inFlight) {
            this.task = task;
            this.inFlight = inFlight;
        }

        @Override
        public void run() {
            CURRENT.set(this);
            try {
                task.run();
            } finally {
                CURRENT.remove();
                finish();
            }
        }

        void finish() {
            if (finished.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        }
    }

    /** Counts calls in flight, so the queue knows whether a worker is free. */
    private static final class Pool extends ThreadPoolExecutor {
        private final AtomicInteger inFlight = new AtomicInteger();

        void withdraw(Runnable task) {
            for (Runnable queued : getQueue()) { // rare (a call timed out while queued) and a short queue
                if (queued instanceof Tracked tracked && tracked.task == task && getQueue().remove(tracked)) {
                    tracked.finish();
                    return;
                }
            }
        }

        Pool(int threads, PluginCallQueue queue, ThreadFactory threadFactory) {
            // no core threads, and workers that never time out: started on demand, then kept
            super(0, threads, Long.MAX_VALUE, TimeUnit.NANOSECONDS, queue, threadFactory, new QueueWhenNoThread());
        }

        @Override
        public void execute(Runnable task) {
            inFlight.incrementAndGet();
            try {
                super.execute(new Tracked(task, inFlight));
            } catch (RejectedExecutionException e) {
                inFlight.decrementAndGet();
                throw e;
            }
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
