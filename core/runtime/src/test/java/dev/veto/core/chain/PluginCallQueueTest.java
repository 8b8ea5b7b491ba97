package dev.veto.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PluginCallQueueTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private ThreadPoolExecutor pool;

    @AfterEach
    void shutDown() {
        release.countDown();
        pool.shutdownNow();
    }

    private void blockOneWorker() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        pool.execute(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aCallNeverWaitsBehindABusyWorkerWhileThreadsAreAvailable() throws Exception {
        pool = PluginCallQueue.newPool(64, 16, 50_000, Thread::new);
        for (int round = 0; round < 50; round++) {
            blockOneWorker(); // the hung call occupies a worker for the rest of the test
            Future<String> quick = pool.submit(() -> "done");
            assertThat(quick.get(2, TimeUnit.SECONDS)).isEqualTo("done");
        }
        assertThat(pool.getPoolSize()).isLessThanOrEqualTo(64);
    }

    @Test
    void idleWorkersAreReused() throws Exception {
        pool = PluginCallQueue.newPool(64, 16, 0, Thread::new);
        for (int i = 0; i < 200; i++) {
            assertThat(pool.submit(() -> 1).get(2, TimeUnit.SECONDS)).isEqualTo(1);
            // the caller sees the result a moment before its worker counts itself finished: wait for that, or
            // a call arriving in between rightly gets a new worker (11 of 200 on a loaded CI machine)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (pool.getActiveCount() > 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        // sequential calls on an idle pool run on the one worker, never on a thread each
        assertThat(pool.getLargestPoolSize()).isEqualTo(1);
    }

    @Test
    void whenEveryThreadIsBusyCallsQueueAndThenAreRejected() throws Exception {
        pool = PluginCallQueue.newPool(1, 1, 0, Thread::new);
        blockOneWorker();
        Future<Integer> queued = pool.submit(() -> 2);
        assertThatThrownBy(() -> pool.submit(() -> 3)).isInstanceOf(RejectedExecutionException.class);
        release.countDown();
        assertThat(queued.get(2, TimeUnit.SECONDS)).isEqualTo(2);
    }
}
