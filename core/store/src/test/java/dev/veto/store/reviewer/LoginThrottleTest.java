package dev.veto.store.reviewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veto.store.MutableClock;
import dev.veto.store.OnEveryDatabase;
import dev.veto.store.Store;
import dev.veto.store.Stores;
import dev.veto.store.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;

/** Failed logins count across hosts: guessing against two hosts is not twice the attempts. */
class LoginThrottleTest {

    @TempDir
    Path dir;

    @OnEveryDatabase
    void failuresOnEveryHostLockTheNameForTheWindow(String kind) {
        String url = TestDatabases.fresh(kind, dir);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));
        try (Store hostA = Stores.open(url, dir, clock); Store hostB = Stores.open(url, dir, clock)) {
            for (int i = 0; i < 5; i++) {
                assertThat((i % 2 == 0 ? hostA : hostB).logins().allows("alice")).isTrue();
                (i % 2 == 0 ? hostA : hostB).logins().failed("alice");
            }
            assertThat(hostA.logins().allows("alice")).isFalse();
            assertThat(hostB.logins().allows("alice")).isFalse();
            assertThat(hostB.logins().allows("bob")).isTrue();

            clock.advance(Duration.ofMinutes(6)); // the window has passed: the name may try again
            assertThat(hostB.logins().allows("alice")).isTrue();
            hostB.logins().failed("alice"); // and counts from one again
            assertThat(hostA.logins().allows("alice")).isTrue();

            hostA.logins().succeeded("alice");
            clock.advance(Duration.ofMinutes(6));
            hostA.logins().failed("mallory");
            clock.advance(Duration.ofMinutes(6));
            assertThat(hostA.logins().purgeExpired()).isOne();
        }
    }
}
