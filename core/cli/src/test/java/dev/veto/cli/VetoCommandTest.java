package dev.veto.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process on an installation without plugins: output formats, batch files, errors, exit codes. */
class VetoCommandTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ObjectMapper mapper = new ObjectMapper();

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.isEmpty() && !all.get(0).startsWith("-")) {
            all.add(1, "--home=" + home);
        }
        return VetoCommand.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void checkPrintsVerdictMessageAndRationale() {
        assertThat(run("check", "How do I bake sourdough bread?")).isZero();
        assertThat(out.toString()).startsWith("ALLOW  (rule default/allow, policy veto-baseline@")
                .contains("Rationale (operator): no signal reached a threshold");
    }

    @Test
    void checkJsonPrintsTheWholeDecision() throws IOException {
        assertThat(run("check", "--json", "--tenant", "acme", "--locale", "de-CH", "hello")).isZero();
        JsonNode decision = mapper.readTree(out.toString());
        assertThat(decision.get("verdict").asText()).isEqualTo("ALLOW");
        assertThat(decision.get("language").asText()).isEqualTo("de");
        for (String field : List.of("id", "categories", "message", "reason", "policy_version", "trace", "latency_us", "alternatives")) {
            assertThat(decision.has(field)).as(field).isTrue();
        }
        assertThat(decision.get("trace").get("stages")).extracting(s -> s.get("stage").asText())
                .startsWith("normalize", "classify-input", "policy");
    }

    @Test
    void aBatchFileGetsOneLinePerInputAndMalformedLinesDoNotStopTheRun() throws IOException {
        Path input = home.resolve("in.jsonl");
        Path output = home.resolve("out.jsonl");
        Files.writeString(input, String.join("\n",
                "{\"id\": \"a\", \"prompt\": \"How do I bake bread?\", \"tenant\": \"acme\", \"lang\": \"en\"}",
                "{\"id\": 7, \"prompt\": 42}",
                "{not json",
                "",
                "{\"id\": \"b\", \"prompt\": \"   \"}",
                "{\"id\": \"c\", \"prompt\": \"What is a mitochondrion?\", \"modality\": \"audio-transcript\"}") + "\n");

        assertThat(run("check", "--input", input.toString(), "--output", output.toString())).isZero();

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(output)) {
            lines.add(mapper.readTree(line));
        }
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0).get("id").asText()).isEqualTo("a");
        assertThat(lines.get(0).get("verdict").asText()).isEqualTo("ALLOW");
        for (String field : List.of("categories", "reason", "policy_version", "latency_us")) {
            assertThat(lines.get(0).has(field)).as(field).isTrue();
        }
        assertThat(lines.get(0).has("trace")).isFalse();
        assertThat(lines.get(1).get("id").asInt()).isEqualTo(7);
        assertThat(lines.get(1).get("error").asText()).contains("missing \"prompt\"");
        assertThat(lines.get(2).get("id").isNull()).isTrue();
        assertThat(lines.get(2).get("line").asInt()).isEqualTo(3);
        assertThat(lines.get(2).get("error").asText()).startsWith("malformed JSON");
        assertThat(lines.get(3).get("error").asText()).contains("empty");
        assertThat(lines.get(4).get("verdict").asText()).isEqualTo("ALLOW");
        assertThat(err.toString()).contains("checked 6 line(s)").contains("3 error(s)");
    }

    @Test
    void batchOutputGoesToStandardOutputWithoutOutputOption() throws IOException {
        Path input = home.resolve("in.jsonl");
        Files.writeString(input, "{\"id\": \"x\", \"prompt\": \"hi\"}\n");
        assertThat(run("check", "--input", input.toString())).isZero();
        assertThat(mapper.readTree(out.toString().strip()).get("id").asText()).isEqualTo("x");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("check")).isEqualTo(2);
        assertThat(err.toString()).contains("give either a TEXT");
        assertThat(run("check", "   ")).isEqualTo(2);
        assertThat(err.toString()).contains("the text to check is empty");
        assertThat(run("check", "--input", home.resolve("missing.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("input file not found");
        assertThat(run("check", "--modality", "smell", "hi")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
    }

    @Test
    void aConfigurationErrorExitsWithOneAndNamesFileAndLine() throws IOException {
        Path conf = Files.createDirectories(home.resolve("conf")).resolve("application.conf");
        Files.writeString(conf, "veto {\n  chain.input.deadline = soon\n}\n");
        assertThat(run("check", "hi")).isEqualTo(1);
        assertThat(err.toString()).contains(conf + ":2: veto.chain.input.deadline: expected a duration");
    }

    @Test
    void settingsCanBeOverriddenOnTheCommandLine() {
        assertThat(run("check", "-D", "veto.limits.max-chars=5", "hello world")).isEqualTo(2);
        assertThat(err.toString()).contains("at most 5 are accepted (veto.limits.max-chars)");
    }

    @Test
    void pluginsOnAnEmptyInstallationSaysSo() {
        assertThat(run("plugins")).isZero();
        assertThat(out.toString()).contains("No plugins found.");
    }

    @Test
    void versionNamesTheSpi() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("plugin SPI 1.0.0");
    }
}
