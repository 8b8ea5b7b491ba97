package com.example.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive as an operator receives it: unpacked into an empty folder, started on a plain JDK. */
class ArchiveIT {

    @TempDir
    static Path empty;

    static Path home;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void unpack() throws Exception {
        Path archive = Path.of(System.getProperty("test.archive"));
        Run tar = run(empty, List.of("tar", "-xzf", archive.toString()));
        assertEquals(0, tar.exit(), tar.err());
        home = empty.resolve(System.getProperty("test.root"));
        assertTrue(Files.isExecutable(home.resolve("bin/veto")), "bin/veto must be executable in the archive");
    }

    private static Run veto(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/veto").toString()));
        command.addAll(List.of(args));
        return run(home, command);
    }

    private static Run run(Path directory, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("out", ".txt");
        Path err = Files.createTempFile("err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("VETO_HOME");
        try {
            Process process = builder.start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish");
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void listsExactlyItsChosenPluginsAllStarted() throws Exception {
        Run plugins = veto("plugins");
        assertEquals(0, plugins.exit(), plugins.out() + plugins.err());
        List<String> ids = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^(\\S+)\\s+\\S+\\s+STARTED\\s").matcher(plugins.out());
        while (row.find()) {
            ids.add(row.group(1));
        }
        assertEquals(List.of("acme-secrets", "keyword-classifier", "openai-generator"), ids, plugins.out());
    }

    @Test
    void everyShippedPluginIsPinnedAndPinsAreRequired() throws Exception {
        Run verify = veto("plugins", "verify");
        assertEquals(0, verify.exit(), verify.out() + verify.err());
        assertEquals(3, verify.out().lines().filter(line -> line.contains(" pinned ")).count(), verify.out());
        assertTrue(verify.out().contains("Pins are required"), verify.out());
    }

    @Test
    void theTeamsPolicyOverlayPassesItsTests() throws Exception {
        Run tests = veto("policy", "test", "conf/policy/tests/assistant-guard.conf");
        assertEquals(0, tests.exit(), tests.out() + tests.err());
        assertTrue(tests.out().contains("5 case(s): 5 passed, 0 failed"), tests.out());
    }

    @Test
    void aCredentialFromTheIdeTenantIsRefusedByTheTeamsRule() throws Exception {
        Run check = veto("check", "--json", "--tenant", "ide-team", "why 401? API_KEY=\"q8Zr3LkP0vW9xYt2NbM4\"");
        assertEquals(0, check.exit(), check.err());
        assertTrue(check.out().contains("\"rule\":\"rule/tenant:ide-team/credentials-never-reach-the-model\""), check.out());
    }
}
