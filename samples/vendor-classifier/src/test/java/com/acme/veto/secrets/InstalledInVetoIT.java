package com.acme.veto.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged plugin in a real Veto installation (unpacked from the distribution archive by the build):
 * installed with {@code veto plugins install}, configured on the command line, its signal in a decision.
 */
class InstalledInVetoIT {

    private static final Path VETO = Path.of(System.getProperty("test.veto.home"));
    private static final Path PLUGIN = Path.of(System.getProperty("test.plugin.zip"));

    record Run(int exit, String out, String err) {
    }

    private static Run veto(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", VETO.resolve("bin/veto").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("veto-out", ".txt");
        Path err = Files.createTempFile("veto-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("VETO_HOME", VETO.toString());
        try {
            Process process = builder.start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("veto " + String.join(" ", args) + " did not finish");
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @BeforeAll
    static void install() throws Exception {
        Run installed = veto("plugins", "install", "--replace", PLUGIN.toString());
        assertEquals(0, installed.exit(), installed.out() + installed.err());
        assertTrue(installed.out().contains("Installed acme-secrets 1.0.0"), installed.out());
    }

    @Test
    void theHostListsThePluginAndItsFactory() throws Exception {
        Run plugins = veto("plugins");
        assertTrue(plugins.out().matches("(?s).*acme-secrets\\s+1\\.0\\.0\\s+STARTED\\s+\\S+\\s+classifier:acme-secrets.*"), plugins.out());
    }

    @Test
    void aPastedCloudKeyIsRefusedOnTheStrengthOfThisPluginsSignal() throws Exception {
        Run check = veto("check", "--json", "-D", "veto.classifiers.secrets.factory=acme-secrets",
                "Why does my deploy fail? aws_access_key_id=AKIAIOSFODNN7EXAMPLE");
        assertEquals(0, check.exit(), check.err());
        String decision = check.out();
        assertTrue(decision.contains("\"verdict\":\"REFUSE\""), decision);
        assertTrue(decision.contains("\"categories\":[\"sensitive-data\"]"), decision);
        assertTrue(decision.contains("\"classifier\":\"secrets\""), decision);
        assertTrue(decision.contains("\"plugin\":\"acme-secrets\""), decision);
        assertTrue(!decision.contains("AKIAIOSFODNN7EXAMPLE\""), "the decision must not echo the key back as evidence");
    }
}
