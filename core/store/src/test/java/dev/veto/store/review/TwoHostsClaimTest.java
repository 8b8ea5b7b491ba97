package dev.veto.store.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veto.store.MutableClock;
import dev.veto.store.OnEveryDatabase;
import dev.veto.store.Store;
import dev.veto.store.Stores;
import dev.veto.store.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/** Two hosts — two stores with their own pools on one database — and many reviewers draining one queue. */
class TwoHostsClaimTest {

    @TempDir
    Path dir;

    @OnEveryDatabase
    void noCaseIsEverClaimedTwice(String kind) throws Exception {
        String url = TestDatabases.fresh(kind, dir);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));
        int cases = 60;
        try (Store hostA = Stores.open(url, dir, clock); Store hostB = Stores.open(url, dir, clock)) {
            for (int i = 0; i < cases; i++) {
                (i % 2 == 0 ? hostA : hostB).reviews().open(ReviewQueueTest.draft(i % 3 == 0 ? "globex" : "acme"));
            }
            Map<String, String> claimedBy = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<String> doubles = new ConcurrentLinkedQueue<>();
            ExecutorService reviewers = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> work = new ArrayList<>();
            for (int r = 0; r < 8; r++) {
                ReviewQueue queue = (r % 2 == 0 ? hostA : hostB).reviews();
                String reviewer = "reviewer-" + r;
                work.add(reviewers.submit(() -> {
                    start.await();
                    int mine = 0;
                    for (Optional<ReviewCase> next = queue.claimNext(reviewer, List.of("*")); next.isPresent();
                         next = queue.claimNext(reviewer, List.of("*"))) {
                        String previous = claimedBy.putIfAbsent(next.get().caseId(), reviewer);
                        if (previous != null) {
                            doubles.add(next.get().caseId() + " by " + previous + " and " + reviewer);
                        }
                        queue.decide(next.get().caseId(), reviewer, List.of("*"), ReviewAction.DENY, "", "");
                        mine++;
                    }
                    return mine;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : work) {
                total += f.get(120, TimeUnit.SECONDS);
            }
            reviewers.shutdown();
            assertThat(doubles).isEmpty();
            assertThat(total).isEqualTo(cases);
            assertThat(claimedBy).hasSize(cases);
            assertThat(hostA.reviews().backlog(List.of("*")).byStatus()).containsEntry("DENIED", (long) cases);
        }
    }
}
