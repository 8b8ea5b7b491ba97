package dev.veto.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The escalation endpoint and the console's API over real sockets, with tenants kept apart. */
class ReviewApiTest {

    @TempDir
    Path home;

    private ReviewServer server;

    @BeforeEach
    void start() {
        server = ReviewServer.start(home, "jdbc:sqlite:" + home.resolve("veto.db"), Map.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String escalate(String key) {
        JsonNode decision = server.check(key, "custody of my kids after the divorce, what should I do?");
        assertThat(decision.get("verdict").asText()).isEqualTo("ESCALATE");
        return decision.get("escalation").get("case_id").asText();
    }

    @Test
    void aReviewersDecisionChangesTheClientsOutcome() {
        String caseId = escalate(ReviewServer.ACME_KEY);
        JsonNode pending = server.json(server.send("GET", "/v1/escalations/" + caseId, null, "Authorization", "Bearer " + ReviewServer.ACME_KEY));
        assertThat(pending.get("status").asText()).isEqualTo("pending");
        assertThat(pending.get("verdict").asText()).isEqualTo("escalate");

        String alice = server.login("alice");
        HttpResponse<String> queue = server.send("GET", "/console/api/cases?status=open", null, "Cookie", alice);
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(server.json(queue).get("data").findValuesAsText("id")).containsExactly(caseId);

        HttpResponse<String> claimed = server.send("POST", "/console/api/cases/" + caseId + "/claim", "{}", "Cookie", alice,
                "X-Veto-Console", "1");
        assertThat(server.json(claimed).get("status").asText()).isEqualTo("in_review");
        HttpResponse<String> decided = server.send("POST", "/console/api/cases/" + caseId + "/decision",
                "{\"action\":\"edit\",\"response\":\"A family lawyer can advise you; here is how to find one.\",\"note\":\"ok\"}",
                "Cookie", alice, "X-Veto-Console", "1");
        assertThat(decided.statusCode()).isEqualTo(200);

        JsonNode outcome = server.json(server.send("GET", "/v1/escalations/" + caseId, null, "Authorization", "Bearer " + ReviewServer.ACME_KEY));
        assertThat(outcome.get("status").asText()).isEqualTo("approved");
        assertThat(outcome.get("verdict").asText()).isEqualTo("allow");
        assertThat(outcome.get("response").asText()).contains("family lawyer");

        String metrics = server.send("GET", "/metrics", null, "Authorization", "Bearer " + ReviewServer.ACME_KEY).body();
        assertThat(metrics).contains("veto_escalations_opened_total 1.0")
                .contains("veto_escalations_resolved_total{outcome=\"approved\"} 1.0")
                .contains("veto_escalations_time_to_resolution_seconds_count 1");

        HttpResponse<String> again = server.send("POST", "/console/api/cases/" + caseId + "/decision", "{\"action\":\"deny\"}",
                "Cookie", alice, "X-Veto-Console", "1");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(server.json(again).get("error").get("message").asText()).contains("already approved by alice");
    }

    @Test
    void anotherTenantsCaseCannotBeSeenInTheConsoleOrThroughTheApi() {
        String acmeCase = escalate(ReviewServer.ACME_KEY);
        String globexCase = escalate(ReviewServer.GLOBEX_KEY);

        assertThat(server.send("GET", "/v1/escalations/" + acmeCase, null, "Authorization", "Bearer " + ReviewServer.GLOBEX_KEY).statusCode())
                .isEqualTo(404);
        assertThat(server.send("GET", "/v1/escalations/" + acmeCase, null).statusCode()).isEqualTo(401);

        String bob = server.login("bob");
        JsonNode list = server.json(server.send("GET", "/console/api/cases?status=all", null, "Cookie", bob));
        assertThat(list.get("data").findValuesAsText("id")).containsExactly(globexCase);
        assertThat(server.send("GET", "/console/api/cases/" + acmeCase, null, "Cookie", bob).statusCode()).isEqualTo(404);
        assertThat(server.send("POST", "/console/api/cases/" + acmeCase + "/claim", "{}", "Cookie", bob, "X-Veto-Console", "1")
                .statusCode()).isEqualTo(404);
        assertThat(server.send("GET", "/console/api/cases?tenant=acme", null, "Cookie", bob).statusCode()).isEqualTo(404);
        JsonNode dashboard = server.json(server.send("GET", "/console/api/dashboard?hours=24", null, "Cookie", bob));
        assertThat(dashboard.get("counts").findValuesAsText("tenant")).containsOnly("globex");
    }

    @Test
    void badReviewerInputIsAClearErrorAndLosesNothing() {
        String caseId = escalate(ReviewServer.ACME_KEY);
        assertThat(server.send("GET", "/console/api/cases", null).statusCode()).isEqualTo(401);
        assertThat(server.send("POST", "/console/api/login", "{\"name\":\"alice\",\"password\":\"wrong\"}").statusCode()).isEqualTo(401);
        assertThat(server.send("POST", "/console/api/login", "{\"name\":\"alice\"", "Content-Type", "application/json").statusCode())
                .isEqualTo(400);

        for (int i = 0; i < 5; i++) {
            assertThat(server.send("POST", "/console/api/login", "{\"name\":\"vic\",\"password\":\"guess" + i + "\"}").statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> locked = server.send("POST", "/console/api/login",
                "{\"name\":\"vic\",\"password\":" + server.quote(ReviewServer.PASSWORD) + "}");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();

        String alice = server.login("alice");
        // a change without the console's header, as a cross-site form would send it
        assertThat(server.send("POST", "/console/api/cases/" + caseId + "/claim", "{}", "Cookie", alice).statusCode()).isEqualTo(403);
        // deciding before claiming
        assertThat(server.send("POST", "/console/api/cases/" + caseId + "/decision", "{\"action\":\"approve\"}", "Cookie", alice,
                "X-Veto-Console", "1").statusCode()).isEqualTo(409);
        server.send("POST", "/console/api/cases/" + caseId + "/claim", "{}", "Cookie", alice, "X-Veto-Console", "1");
        for (String body : new String[] {"{\"action\":\"approve!\"}", "{\"action\":7}", "{\"action\":\"edit\",\"response\":\"  \"}", "not json"}) {
            HttpResponse<String> response = server.send("POST", "/console/api/cases/" + caseId + "/decision", body, "Cookie", alice,
                    "X-Veto-Console", "1");
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(server.json(response).get("error").get("message").asText()).isNotBlank();
        }
        assertThat(server.send("GET", "/console/api/cases?status=sideways", null, "Cookie", alice).statusCode()).isEqualTo(400);
        assertThat(server.send("GET", "/console/api/cases?limit=-4", null, "Cookie", alice).statusCode()).isEqualTo(400);

        server.store.logins().succeeded("vic"); // as after the lock's window
        String vic = server.login("vic");
        assertThat(server.send("POST", "/console/api/cases/" + caseId + "/decision", "{\"action\":\"deny\"}", "Cookie", vic,
                "X-Veto-Console", "1").statusCode()).isEqualTo(403);
        // nothing lost: the case still waits for alice
        JsonNode detail = server.json(server.send("GET", "/console/api/cases/" + caseId, null, "Cookie", alice));
        assertThat(detail.get("status").asText()).isEqualTo("in_review");
        assertThat(detail.get("reviewer").asText()).isEqualTo("alice");

        server.send("POST", "/console/api/logout", "{}", "Cookie", alice, "X-Veto-Console", "1");
        assertThat(server.send("GET", "/console/api/me", null, "Cookie", alice).statusCode()).isEqualTo(401);
    }

    @Test
    void aCallbackToAHostNotAllowedIsRefusedBeforeTheRequestIsJudged() {
        HttpResponse<String> response = server.send("POST", "/v1/check",
                "{\"text\":\"custody question\",\"context\":{\"attributes\":{\"callback-url\":\"http://169.254.169.254/x\"}}}",
                "Authorization", "Bearer " + ReviewServer.ACME_KEY);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(server.json(response).get("error").get("message").asText()).contains("not allowed");
        assertThat(server.store.reviews().list(java.util.List.of("*"), java.util.List.of(), java.util.Optional.empty(), 10)).isEmpty();
    }
}
