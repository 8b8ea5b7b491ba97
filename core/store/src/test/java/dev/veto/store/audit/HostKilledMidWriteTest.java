package dev.veto.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veto.store.MutableClock;
import dev.veto.store.OnEveryDatabase;
import dev.veto.store.Store;
import dev.veto.store.Stores;
import dev.veto.store.TestDatabases;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host killed with SIGKILL while it writes decisions loses none it acknowledged: every request id the
 * process printed after its decision returned is in the audit trail when the database is opened again.
 */
class HostKilledMidWriteTest {

    @TempDir
    Path dir;

    @OnEveryDatabase
    void noAcknowledgedRecordIsLost(String kind) throws Exception {
        String url = TestDatabases.fresh(kind, dir);
        Process host = new ProcessBuilder(javaCommand(dir, AuditWriterProcess.class.getName(), url, dir.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean ready = false;
            while ((line = out.readLine()) != null) {
                if (line.equals("READY")) {
                    ready = true;
                } else if (ready && line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                    if (acknowledged.size() == 300) {
                        host.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, mid-write
                        break;
                    }
                }
            }
            // lines still in the pipe were acknowledged too, but killing the process closed it: the check
            // covers every acknowledgement read before the kill
        } finally {
            host.destroyForcibly();
            assertThat(host.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);

        try (Store reopened = Stores.open(url, dir, new MutableClock(Instant.now()))) {
            Set<String> recorded = new HashSet<>();
            reopened.audit().recent(100_000, Optional.empty()).forEach(r -> recorded.add(r.requestId()));
            assertThat(recorded).containsAll(acknowledged);
            assertThat(reopened.audit().recent(100_000, Optional.empty()))
                    .allSatisfy(r -> assertThat(r.prompt()).doesNotContain("jane.doe"));
        }
    }

    /** The test JVM's own class and module path, all on the class path of the child. */
    /** The child's temporary files (the SQLite driver's native library) go to the test's directory: it is killed before it can delete them. */
    private static List<String> javaCommand(Path temporary, String mainClass, String... args) {
        List<String> entries = new ArrayList<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                entries.add(value);
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temporary, "-cp", String.join(File.pathSeparator, entries), mainClass));
        command.addAll(List.of(args));
        return command;
    }
}
