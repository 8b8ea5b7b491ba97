package dev.veto.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Personal data never lands where it is kept: canaries — an e-mail address, phone number, card number,
 * IBAN, social security number, IP address and API key — go in through every entry point (the checked
 * text, earlier turns, the chat proxy, escalations, the user id and context fields), and afterwards every
 * table of the store, every log line (the JSON audit lines included), the console's API and the metrics are
 * scanned for them.
 */
class PiiCanaryTest {

    private static final List<String> CANARIES = List.of("canary.q7x2@example.com", "+1 650-253-0000", "4111 1111 1111 1111",
            "DE89 3704 0044 0532 0130 00", "536-22-1234", "203.0.113.42", "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789AB");

    @TempDir
    Path home;

    @Test
    void noCanaryIsKeptAnywhere() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        ch.qos.logback.classic.Level level = root.getLevel();
        // everything logged at the distribution's level (INFO) is scanned; DEBUG logs of the HTTP server show raw
        // traffic, which is why the distribution never ships with them on
        root.setLevel(ch.qos.logback.classic.Level.INFO);
        Logger veto = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("dev.veto");
        ch.qos.logback.classic.Level vetoLevel = veto.getLevel();
        veto.setLevel(ch.qos.logback.classic.Level.INFO);
        List<String> kept = new ArrayList<>();
        try (ReviewServer server = ReviewServer.start(home, "jdbc:sqlite:" + home.resolve("veto.db"), Map.of())) {
            String key = ReviewServer.ACME_KEY;
            for (String canary : CANARIES) {
                // the judged text, allowed and escalated
                server.check(key, "please forward this to " + canary + " today");
                // (a secret or an ID number may be refused outright rather than escalated)
                JsonNode escalated = server.check(key, "custody question, my details: " + canary);
                assertThat(escalated.get("verdict").asText()).isIn("ESCALATE", "REFUSE");
                // earlier turns and the context
                String messages = "{\"messages\":[{\"role\":\"user\",\"content\":" + server.quote("I am " + canary) + "},"
                        + "{\"role\":\"assistant\",\"content\":\"noted\"},{\"role\":\"user\",\"content\":\"custody help\"}],"
                        + "\"context\":{\"user\":" + server.quote(canary) + ",\"channel\":" + server.quote(canary)
                        + ",\"purpose\":" + server.quote(canary) + "}}";
                assertThat(server.send("POST", "/v1/check", messages, "Authorization", "Bearer " + key).statusCode()).isEqualTo(200);
                // a role the key may not claim is refused, and not kept either
                String claimed = messages.replace("\"purpose\":", "\"role\":" + server.quote(canary) + ",\"purpose\":");
                assertThat(server.send("POST", "/v1/check", claimed, "Authorization", "Bearer " + key).statusCode()).isEqualTo(403);
                // the guarded proxy
                String chat = "{\"model\":\"veto\",\"user\":" + server.quote(canary) + ",\"messages\":[{\"role\":\"user\",\"content\":"
                        + server.quote("my number is " + canary + ", custody advice please") + "}]}";
                assertThat(server.send("POST", "/v1/chat/completions", chat, "Authorization", "Bearer " + key).statusCode()).isEqualTo(200);
            }

            String alice = server.login("alice");
            HttpResponse<String> list = server.send("GET", "/console/api/cases?status=all&limit=500", null, "Cookie", alice);
            kept.add(list.body());
            for (JsonNode summary : server.json(list).get("data")) {
                kept.add(server.send("GET", "/console/api/cases/" + summary.get("id").asText(), null, "Cookie", alice).body());
            }
            kept.add(server.send("GET", "/console/api/dashboard?hours=24", null, "Cookie", alice).body());
            kept.add(server.send("GET", "/metrics", null, "Authorization", "Bearer " + key).body());
            kept.addAll(tables(server));
            assertThat(server.json(list).get("data").size()).isGreaterThanOrEqualTo(CANARIES.size() * 2);
        } finally {
            root.detachAppender(logs);
            root.setLevel(level);
            veto.setLevel(vetoLevel);
        }
        logs.list.forEach(event -> kept.add(event.getFormattedMessage() + " " + event.getMDCPropertyMap()
                + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage())));
        assertThat(logs.list).anySatisfy(event -> assertThat(event.getLoggerName()).isEqualTo("veto.audit.json"));

        List<String> leaks = new ArrayList<>();
        for (String place : kept) {
            String squeezed = place.replace(" ", "");
            for (String canary : CANARIES) {
                int at = squeezed.indexOf(canary.replace(" ", ""));
                if (at >= 0) {
                    leaks.add(canary + " in: …" + squeezed.substring(Math.max(0, at - 120), Math.min(squeezed.length(), at + 60)) + "…");
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    /** Every row of every table of the store, as text. */
    private static List<String> tables(ReviewServer server) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = server.store.database().dataSource().getConnection(); Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    names.add(tables.getString("TABLE_NAME"));
                }
            }
            assertThat(names).contains("audit_record", "review_case", "review_event");
            for (String table : names) {
                try (ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = result.getMetaData();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder(table).append(':');
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.append(' ').append(result.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }
}
