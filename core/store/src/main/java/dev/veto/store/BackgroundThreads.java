package dev.veto.store;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Stopping the store's own background threads the same way everywhere. */
final class BackgroundThreads {

    private BackgroundThreads() {
    }

    /**
     * Interrupts what runs and waits up to five seconds for it to end, so that the database is not closed
     * under a statement that still uses it.
     */
    static void stop(ExecutorService executor) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
