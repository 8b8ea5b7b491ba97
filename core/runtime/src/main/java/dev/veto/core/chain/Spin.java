package dev.veto.core.chain;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Busy-waiting for a short, bounded time: cheaper than parking and waking a thread when the wait is short.
 * At most one thread per processor spins at a time, whatever the pool and request concurrency, so spinning
 * never starves the threads doing real work; the others park straight away.
 */
final class Spin {

    private static final int MAX_SPINNERS = Runtime.getRuntime().availableProcessors();
    private static final AtomicInteger spinners = new AtomicInteger();

    private Spin() {
    }

    /**
     * Asks {@code probe} until it answers non-null or {@code nanos} have passed.
     *
     * @return the answer, or {@code null} if none came in time or no spinning slot was free
     */
    static <T> T until(Supplier<T> probe, long nanos) {
        if (nanos <= 0) {
            return null;
        }
        if (spinners.incrementAndGet() > MAX_SPINNERS) {
            spinners.decrementAndGet();
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
            spinners.decrementAndGet();
        }
    }
}
