package dev.veto.core.chain;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The plugin pool and its work queue. The pool keeps up to {@code threads} workers (core size = maximum,
 * idle workers time out), so a call never waits in the queue while a thread could still be started; it
 * queues only when every thread is busy. An idle worker busy-waits briefly ({@link Spin}) before it parks,
 * so a call arriving within that window starts without a thread wake-up.
 */
final class PluginCallQueue extends ArrayBlockingQueue<Runnable> {

    private static final long serialVersionUID = 1L;

    private final long spinNanos;

    private PluginCallQueue(int capacity, long spinNanos) {
        super(capacity);
        this.spinNanos = spinNanos;
    }

    /** Creates a pool of at most {@code threads} daemon workers fed by such a queue. */
    static ThreadPoolExecutor newPool(int threads, int capacity, long spinNanos, ThreadFactory threadFactory) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new PluginCallQueue(capacity, spinNanos), threadFactory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
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
}
