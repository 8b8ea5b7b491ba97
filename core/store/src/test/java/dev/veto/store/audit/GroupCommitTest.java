package dev.veto.store.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veto.store.Database;
import dev.veto.store.StoreException;
import dev.veto.store.Stores;
import dev.veto.store.TestDatabases;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

    @TempDir
    Path dir;

    private Database database() {
        return Database.open(dev.veto.store.StoreSettings.from(Stores.config(TestDatabases.fresh("sqlite", dir), java.util.Map.of())
                .withFallback(com.typesafe.config.ConfigFactory.parseResources("reference.conf")).resolve(), dir));
    }

    @Test
    void concurrentWritersShareTransactionsAndEachReturnsOnlyOnceCommitted() throws Exception {
        List<Integer> batches = new CopyOnWriteArrayList<>();
        List<Object> committed = new CopyOnWriteArrayList<>();
        try (Database database = database();
             GroupCommit writes = new GroupCommit(database, (connection, rows) -> {
                 batches.add(rows.size());
                 sleep(5); // a slow commit: writers arriving meanwhile join the next batch
                 committed.addAll(rows);
             }, rows -> { }, Duration.ofSeconds(10))) {
            ExecutorService threads = Executors.newFixedThreadPool(32);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int row = i;
                futures.add(threads.submit(() -> {
                    writes.write(row);
                    assertThat(committed).contains(row); // acknowledged only after its batch committed
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            threads.shutdown();
        }
        assertThat(committed).hasSize(400);
        assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(400);
        assertThat(batches.size()).isLessThan(400);
    }

    @Test
    void aFailedTransactionFailsEveryWriterInIt() throws Exception {
        try (Database database = database();
             GroupCommit writes = new GroupCommit(database, (connection, rows) -> {
                 throw new SQLException("disk full");
             }, rows -> { }, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> writes.write("row")).isInstanceOf(StoreException.class).hasMessageContaining("disk full");
        }
    }

    @Test
    void theCommittedCallbackSeesEveryCommittedRowOnceAndNoFailedOne() throws Exception {
        List<Object> told = new CopyOnWriteArrayList<>();
        List<Object> inserted = new CopyOnWriteArrayList<>();
        try (Database database = database();
             GroupCommit writes = new GroupCommit(database, (connection, rows) -> {
                 if (rows.contains("poison")) {
                     throw new SQLException("constraint violated");
                 }
                 inserted.addAll(rows);
             }, rows -> {
                 assertThat(inserted).containsAll(rows); // only after the insert
                 told.addAll(rows);
             }, Duration.ofSeconds(10))) {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int row = i;
                futures.add(threads.submit(() -> writes.write(row)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            assertThatThrownBy(() -> writes.write("poison")).isInstanceOf(StoreException.class);
            threads.shutdown();
        }
        assertThat(told).hasSize(100).doesNotHaveDuplicates().doesNotContain("poison");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
