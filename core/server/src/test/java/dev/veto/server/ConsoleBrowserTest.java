package dev.veto.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reviewer console in a real headless Chromium (Debian's chromium and chromium-driver; {@code .ci/run}
 * installs them, and sets {@code VETO_REQUIRE_BROWSER=1} so that a missing browser fails instead of
 * skipping): log in, claim, approve, and see the client's outcome change; another tenant's reviewer does
 * not see the case.
 */
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path home;

    @TempDir
    Path profile;

    private ReviewServer server;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "1".equals(System.getenv("VETO_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("VETO_REQUIRE_BROWSER is set but Chromium or chromedriver is missing");
        }
        assumeTrue(installed, "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        server = ReviewServer.start(home, "jdbc:sqlite:" + home.resolve("veto.db"), Map.of());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // this machine's network is closed: no background connections, a fresh profile
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aReviewerLogsInClaimsAndApprovesAndTheClientSeesTheOutcome() {
        JsonNode decision = server.check(ReviewServer.ACME_KEY, "custody question; mail me at canary.9f2e@example.com");
        String caseId = decision.get("escalation").get("case_id").asText();
        assertThat(outcome(caseId).get("status").asText()).isEqualTo("pending");

        logIn("alice");
        WebElement row = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("tr.case-row[data-case-id='" + caseId + "']")));
        row.click();
        wait.until(ExpectedConditions.textToBe(By.id("case-id"), caseId));
        assertThat(browser.findElement(By.id("case-prompt")).getText()).contains("[privacy]").doesNotContain("canary.9f2e");

        browser.findElement(By.id("case-claim")).click();
        wait.until(ExpectedConditions.textToBe(By.id("case-status"), "in_review"));
        browser.findElement(By.id("decision-note")).sendKeys("reviewed in the browser test");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("decision-approve"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("case-status"), "approved"));

        JsonNode outcome = outcome(caseId);
        assertThat(outcome.get("status").asText()).isEqualTo("approved");
        assertThat(outcome.get("verdict").asText()).isEqualTo("allow");

        browser.findElement(By.id("nav-dashboard")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#chart-refusals-category svg")));
        assertThat(browser.findElement(By.id("backlog")).getText()).isNotBlank();
    }

    @Test
    void aReviewerOfAnotherTenantDoesNotSeeTheCase() {
        String acmeCase = server.check(ReviewServer.ACME_KEY, "custody of my daughter").get("escalation").get("case_id").asText();
        String globexCase = server.check(ReviewServer.GLOBEX_KEY, "custody of my son").get("escalation").get("case_id").asText();

        logIn("bob");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.case-row[data-case-id='" + globexCase + "']")));
        List<String> shown = browser.findElements(By.cssSelector("tr.case-row")).stream()
                .map(r -> r.getAttribute("data-case-id")).toList();
        assertThat(shown).containsExactly(globexCase).doesNotContain(acmeCase);
        assertThat(browser.getPageSource()).doesNotContain(acmeCase);
    }

    private void logIn(String name) {
        browser.get(server.base() + "/console/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-name"))).sendKeys(name);
        browser.findElement(By.id("login-password")).sendKeys(ReviewServer.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue-view")));
    }

    private JsonNode outcome(String caseId) {
        return server.json(server.send("GET", "/v1/escalations/" + caseId, null, "Authorization", "Bearer " + ReviewServer.ACME_KEY));
    }
}
