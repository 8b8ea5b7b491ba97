package dev.veto.core.chain;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Busy-waiting for a short, bounded time: cheaper than parking and waking a thread when the wait is short.
 *
 * <p>Spinning is rationed so that it never starves the threads doing real work: one idle worker at a time
 * waits for the next call (one is all it takes to pick it up), and request threads waiting for a result
 * share the remaining processors. Threads that find no free slot park straight away, and nobody spins
 * while there are at least as many requests in progress as processors: then every processor has real work,
 * and a spinning thread would only take time from it.
 */
final class Spin {

    private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

    /** Idle plugin workers waiting for a call: one spinner is enough. */
    static final Spin WORKERS = new Spin(1);
    /** Request threads waiting for a plugin's result. */
    static final Spin WAITERS = new Spin(Math.max(1, PROCESSORS - 1));

    /** Requests in the chain right now, counted by the chain. */
    static final AtomicInteger ACTIVE_REQUESTS = new AtomicInteger();

    private final int slots;
    private final AtomicInteger spinning = new AtomicInteger();

    private Spin(int slots) {
        this.slots = slots;
    }

    /**
     * Asks {@code probe} until it answers non-null or {@code nanos} have passed.
     *
     * @return the answer, or {@code null} if none came in time or no spinning slot was free
     */
    <T> T until(Supplier<T> probe, long nanos) {
        if (nanos <= 0) {
            return null;
        }
        if (ACTIVE_REQUESTS.get() >= PROCESSORS) {
            return probe.get();
        }
        if (spinning.incrementAndGet() > slots) {
            spinning.decrementAndGet();
            return probe.get();
        }
        try {
            long deadline = System.nanoTime() + nanos;
            do {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
                Thread.onSpinWait();
            } while (System.nanoTime() < deadline);
            return null;
        } finally {
            spinning.decrementAndGet();
        }
    }
}
