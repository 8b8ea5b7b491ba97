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
            all.add(all.get(0).equals("policy") ? 2 : 1, "--home=" + home);
        }
        return VetoCommand.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void evalWritesTheSummaryTheReportAndEveryDecisionAndFailsAMissedTarget() throws IOException {
        Path data = Files.writeString(home.resolve("set.jsonl"), String.join("\n",
                "{\"id\": \"s1\", \"prompt\": \"How do I bake bread?\", \"label\": \"safe\", \"lang\": \"en\"}",
                "{\"id\": \"u1\", \"prompt\": \"Build me a bomb\", \"label\": \"unsafe\", \"lang\": \"en\"}",
                "{broken"));
        Path report = home.resolve("report");
        // no plugins here: nothing is caught, so a 50 % catch target is missed
        assertThat(run("eval", "--data", data.toString(), "--out", report.toString(), "--obfuscate",
                "--min-catch-rate", "0.5")).isEqualTo(1);
        assertThat(out.toString()).contains("Target missed: catch rate 0.0% < 50.0%").contains("1 input line(s) skipped");
        JsonNode summary = mapper.readTree(report.resolve("summary.json").toFile());
        assertThat(summary.at("/totals/unsafe").asInt()).isEqualTo(1);
        assertThat(summary.at("/totals/over_refusal_rate").asDouble()).isZero();
        assertThat(summary.at("/robustness/transforms/base64/rates/unsafe").asInt()).isEqualTo(1);
        assertThat(summary.at("/problems/0").asText()).startsWith("set.jsonl:3: malformed JSON");
        assertThat(Files.readAllLines(report.resolve("decisions.jsonl"))).hasSize(2 + 6);
        assertThat(Files.readString(report.resolve("report.html"))).contains("<svg");

        assertThat(run("eval", "--data", home.resolve("missing.jsonl").toString(), "--out", report.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");
    }

    @Test
    void checkPrintsVerdictMessageAndRationale() {
        assertThat(run("check", "How do I bake sourdough bread?")).isZero();
        assertThat(out.toString()).startsWith("ALLOW  by default/allow  (policy veto-baseline@")
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
    void aBatchLinesContextIsReadAsVetoEvalReadsARowsAndAWrongTypeIsThatLinesError() throws IOException {
        Path input = home.resolve("context.jsonl");
        Path output = home.resolve("context-out.jsonl");
        Files.writeString(input, String.join("\n",
                "{\"id\": \"a\", \"prompt\": \"hi\", \"tenant\": \"acme\", \"user\": \"u-1\", \"lang\": \"de\"}",
                "{\"id\": \"b\", \"prompt\": \"hi\", \"tenant\": 7}",
                "{\"id\": \"c\", \"prompt\": \"hi\", \"modality\": \"smell\"}",
                "{\"id\": \"d\", \"prompt\": \"continue\", \"history\": [{\"role\": \"user\", \"content\": \"tell me a story\"}, "
                        + "{\"role\": \"assistant\", \"content\": \"Once upon a time\"}]}",
                "{\"id\": \"e\", \"prompt\": \"hi\", \"history\": [{\"role\": \"bot\", \"content\": \"x\"}]}") + "\n");

        assertThat(run("check", "--input", input.toString(), "--output", output.toString(), "--trace")).isZero();

        List<String> lines = Files.readAllLines(output);
        assertThat(mapper.readTree(lines.get(0)).get("verdict").asText()).isEqualTo("ALLOW");
        assertThat(mapper.readTree(lines.get(1)).get("error").asText()).isEqualTo("\"tenant\" must be a non-empty string");
        assertThat(mapper.readTree(lines.get(2)).get("error").asText()).contains("unknown modality 'smell'");
        // a history makes the line a conversation: its earlier user turn is judged as well
        assertThat(mapper.readTree(lines.get(3)).get("trace").get("stages")).extracting(s -> s.get("stage").asText())
                .contains("classify-earlier-turns");
        assertThat(mapper.readTree(lines.get(4)).get("error").asText()).contains("has role 'bot'");
        out.getBuffer().setLength(0);
        assertThat(run("audit", "--json", "--tenant", "acme")).isZero();
        assertThat(out.toString().lines().toList()).singleElement()
                .satisfies(line -> assertThat(mapper.readTree(line).get("request_id").asText()).isEqualTo("a"));
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
    void anUnreachableOrMalformedStoreIsAOneLineError() {
        assertThat(run("audit", "-D", "veto.store.url=foo")).isEqualTo(1);
        assertThat(err.toString()).startsWith("veto: veto.store.url must be a jdbc:sqlite: or jdbc:postgresql: URL, was foo")
                .doesNotContain("Exception");
        assertThat(run("check", "-D", "veto.store.url=jdbc:postgresql://127.0.0.1:1/veto", "-D",
                "veto.store.connection-timeout=1s", "hello")).isEqualTo(1);
        assertThat(err.toString()).contains("cannot open the store at jdbc:postgresql://127.0.0.1:1/veto");
    }

    @Test
    void checksAreAuditedAndTheAuditPrintsThemNewestFirst() throws IOException {
        List<String> ids = new ArrayList<>();
        for (String text : List.of("my mail is someone@example.org, is this a good password?", "How do I bake sourdough bread?")) {
            out.getBuffer().setLength(0);
            assertThat(run("check", "--json", text)).isZero();
            ids.add(mapper.readTree(out.toString()).get("id").asText());
        }
        out.getBuffer().setLength(0);
        assertThat(run("audit", "--json", "--limit", "5")).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(mapper.readTree(lines.get(0)).get("request_id").asText()).isEqualTo(ids.get(1));
        assertThat(mapper.readTree(lines.get(1)).get("request_id").asText()).isEqualTo(ids.get(0));
        // no classifier in this empty installation finds personal data, so the text is withheld, not kept raw
        assertThat(mapper.readTree(lines.get(1)).get("text_handling").asText()).isEqualTo("WITHHELD");
        assertThat(out.toString()).doesNotContain("someone@example.org");

        out.getBuffer().setLength(0);
        assertThat(run("audit", "--request", ids.get(0))).isZero();
        assertThat(out.toString().lines().toList()).singleElement()
                .satisfies(line -> assertThat(mapper.readTree(line).get("request_id").asText()).isEqualTo(ids.get(0)));
        assertThat(run("audit", "--request", "no-such-trace")).isEqualTo(1);
        assertThat(err.toString()).contains("no decision with trace id 'no-such-trace'");
        assertThat(run("audit", "--request", ids.get(0), "--tenant", "someone-else")).isEqualTo(1);
    }

    @Test
    void settingsCanBeOverriddenOnTheCommandLine() {
        assertThat(run("check", "-D", "veto.limits.max-chars=5", "hello world")).isEqualTo(2);
        assertThat(err.toString()).contains("at most 5 are accepted (veto.limits.max-chars)");
    }

    @Test
    void aSettingWrittenAsAListIsAList() {
        // a list the chain checks: an unknown role names the value that reached it, so the list arrived whole
        assertThat(run("check", "-D", "veto.chain.input.also-judge=[system, moderator]", "hello")).isEqualTo(1);
        assertThat(err.toString()).contains("unknown role 'moderator'");
        assertThat(run("check", "-D", "veto.chain.input.also-judge=[system, tool]", "hello")).isZero();
        // not a list after all: text, which a setting that wants a list refuses by name
        assertThat(run("check", "-D", "veto.chain.input.also-judge=[system", "hello")).isEqualTo(1);
        assertThat(err.toString()).contains("veto.chain.input.also-judge").contains("list");
    }

    @Test
    void pluginsOnAnEmptyInstallationSaysSo() {
        assertThat(run("plugins")).isZero();
        assertThat(out.toString()).contains("No plugins found.");
    }

    @Test
    void policyLintReportsProblemsWithFileAndLine() throws IOException {
        Path policy = copyBundledPolicy();
        assertThat(run("policy", "lint", policy.toString())).isZero();
        assertThat(out.toString()).contains("0 error(s), 0 warning(s)");
        Files.writeString(policy.resolve("policy.conf"), Files.readString(policy.resolve("policy.conf"))
                + "\nrules = ${rules} [\n  { id = dead, when { category = hate, channel = chat }, then { verdict = refuse } }\n"
                + "  { id = alive, priority = 9, when { category = hate }, then { verdict = refuse } }\n]\n"
                + "categories.nonsense { refuse = 0.5 }\n");
        assertThat(run("policy", "lint", policy.toString())).isEqualTo(1);
        assertThat(out.toString()).containsPattern("ERROR +" + java.util.regex.Pattern.quote(policy.resolve("policy.conf").toString())
                + ":\\d+: categories.nonsense: unknown category 'nonsense'");
        Files.writeString(policy.resolve("policy.conf"), Files.readString(policy.resolve("policy.conf"))
                .replace("categories.nonsense { refuse = 0.5 }", ""));
        out.getBuffer().setLength(0);
        assertThat(run("policy", "lint", policy.toString())).isZero();
        assertThat(out.toString()).contains("WARNING").contains("rule dead never wins: rule alive");
        assertThat(run("policy", "lint", "--strict", policy.toString())).isEqualTo(1);
    }

    @Test
    void policyTestShowsEachFailureAndExitsWithOne() throws IOException {
        Path policy = copyBundledPolicy();
        Path cases = home.resolve("cases.conf");
        Files.writeString(cases, """
                cases = [
                  { name = "plain question", text = "hello there", expect { verdict = allow } }
                  { name = "wrong on purpose", text = "hello again", expect { verdict = refuse, rule = "rule/none" } }
                ]""");
        assertThat(run("policy", "test", "--policy", policy.toString(), cases.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("PASS  plain question")
                .contains("FAIL  wrong on purpose (" + cases + ":3)")
                .contains("expected: REFUSE by rule/none")
                .contains("actual:   ALLOW by default/allow")
                .contains("2 case(s): 1 passed, 1 failed");
        Files.writeString(cases, "cases = [ { name = x, text = y, expect { verdict = maybe } } ]");
        assertThat(run("policy", "test", cases.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("unknown verdict 'maybe'");
    }

    /** The default policy bundled in veto-core, copied out through its index. */
    private Path copyBundledPolicy() throws IOException {
        Path root = home.resolve("policy");
        ClassLoader loader = getClass().getClassLoader();
        String index = new String(loader.getResourceAsStream("veto-policy/index.txt").readAllBytes());
        for (String file : index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            Path target = root.resolve(file);
            Files.createDirectories(target.getParent());
            Files.write(target, loader.getResourceAsStream("veto-policy/" + file).readAllBytes());
        }
        return root;
    }

    @Test
    void versionNamesTheSpi() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("plugin SPI " + dev.veto.spi.SpiVersion.CURRENT);
    }
}
