package dev.veto.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's log is checkpointed by the store's own thread, not inside a commit, and gone once the store closes. */
class WalCheckpointerTest {

    @TempDir
    Path dir;

    @Test
    void commitsLeaveTheLogToTheCheckpointThreadWhichCopiesItIntoTheDatabaseFile() throws Exception {
        Path file = dir.resolve("veto.db");
        Path log = dir.resolve("veto.db-wal");
        StoreSettings settings = StoreSettings.from(Stores.config("jdbc:sqlite:" + file, Map.of())
                .withFallback(ConfigFactory.parseResources("reference.conf")).resolve(), dir);
        try (Database database = Database.open(settings)) {
            long before = Files.size(file);
            int autocheckpoint = database.read(connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet row = statement.executeQuery("PRAGMA wal_autocheckpoint")) {
                    return row.next() ? row.getInt(1) : -1;
                }
            });
            assertThat(autocheckpoint).as("commits checkpoint only past the backstop").isEqualTo(WalCheckpointer.BACKSTOP_PAGES);

            database.transaction(connection -> {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE TABLE filler (payload TEXT)");
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO filler VALUES (?)")) {
                    for (int i = 0; i < 2_000; i++) {
                        insert.setString(1, "x".repeat(1_000) + i);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
            assertThat(Files.size(log)).as("the rows are in the log").isGreaterThan(2_000_000);

            long deadline = System.nanoTime() + 10_000_000_000L;
            while (Files.size(file) < before + 2_000_000 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Files.size(file)).as("copied into the database file within seconds").isGreaterThan(before + 2_000_000);
        }
        assertThat(Files.exists(log) ? Files.size(log) : 0L).as("SQLite empties it when the last connection closes").isZero();
    }
}
