package dev.veto.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The databases the store's tests run on: an SQLite file always, and a real PostgreSQL when
 * {@code VETO_TEST_POSTGRES_URL} names one ({@code .ci/postgres} starts it; CI sets
 * {@code VETO_REQUIRE_POSTGRES=1} so that a missing server fails instead of skipping).
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** The kinds to parameterize over. */
    public static List<String> kinds() {
        List<String> kinds = new ArrayList<>(List.of("sqlite"));
        if (postgresUrl() != null || required()) {
            kinds.add("postgresql");
        }
        return kinds;
    }

    /**
     * A fresh, empty database of a kind.
     *
     * @param kind sqlite or postgresql
     * @param dir  a temporary directory for the SQLite file
     * @return its JDBC URL
     */
    public static String fresh(String kind, Path dir) {
        if (kind.equals("sqlite")) {
            return "jdbc:sqlite:" + dir.resolve("veto-" + UUID.randomUUID() + ".db");
        }
        String url = postgresUrl();
        assumeTrue(url != null || required(), "VETO_TEST_POSTGRES_URL is not set (run .ci/postgres)");
        if (url == null) {
            throw new IllegalStateException("VETO_REQUIRE_POSTGRES is set but VETO_TEST_POSTGRES_URL is not");
        }
        // a schema of its own per test: tests never see each other's rows
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the test PostgreSQL at " + url + ": " + e.getMessage(), e);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static String postgresUrl() {
        String url = System.getenv("VETO_TEST_POSTGRES_URL");
        return url == null || url.isBlank() ? null : url;
    }

    private static boolean required() {
        return "1".equals(System.getenv("VETO_REQUIRE_POSTGRES"));
    }
}
