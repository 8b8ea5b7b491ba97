package dev.veto.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.veto.cli.eval.Evaluator;
import dev.veto.cli.eval.EvalSummary;
import dev.veto.cli.eval.LabelledSets;
import dev.veto.cli.eval.Rates;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code veto eval}: labelled prompt sets through the configured host, and what it gets right. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Run labelled prompt sets (JSONL: id, prompt, label safe|unsafe, category, lang, source) through the "
                + "configured host and report unsafe prompts caught (verdict not ALLOW) and safe prompts over-refused "
                + "(REFUSE or ESCALATE), by set, category and language, with latency percentiles.",
                "Writes <out>/summary.json, report.html (self-contained, with charts) and decisions.jsonl; with --baseline "
                        + "also differences.jsonl, every prompt whose verdict differs between the two configurations.",
                "A row may carry its own request context (tenant, role, jurisdiction, channel, purpose, locale, modality); "
                        + "its fields win over the options below. A row with a history ([{\"role\", \"content\"}, ...], "
                        + "oldest first) is judged as a conversation whose latest user message is its prompt.",
                "Exits with 1 when a --min-catch-rate or --max-over-refusal target is missed."})
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HostOptions host = new HostOptions();

    @Option(names = "--data", paramLabel = "FILE.jsonl", arity = "1..*", required = true, description = "Labelled sets.")
    List<Path> data;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where the reports go (created).")
    Path out;

    @Option(names = "--baseline", paramLabel = "CONF",
            description = "A second configuration file (same installation) to compare against, e.g. the one deployed now.")
    Path baseline;

    @Option(names = "--obfuscate", description = "Also check obfuscated variants of every unsafe prompt (homoglyphs, "
            + "zero-width, spacing, leetspeak, base64, mixed scripts) and report the drop in catch rate.")
    boolean obfuscate;

    @Option(names = "--with-locale", description = "Send each row's lang as the request locale, as a client that knows "
            + "the user's language would. By default the host must identify the language itself.")
    boolean withLocale;

    @ArgGroup(exclusive = false, heading = "Request context of every row (the policy a tenant or jurisdiction gets; a row's own fields win):%n")
    ContextOptions context = new ContextOptions();

    @Option(names = "--limit", paramLabel = "N", description = "At most N rows of each file (default: all).")
    int limit;

    @Option(names = "--threads", paramLabel = "N", description = "Parallel checks (default: the number of processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--min-catch-rate", paramLabel = "RATE", description = "Fail unless at least this share of unsafe prompts is caught, e.g. 0.95.")
    Double minCatchRate;

    @Option(names = "--max-over-refusal", paramLabel = "RATE", description = "Fail if more than this share of safe prompts is over-refused, e.g. 0.05.")
    Double maxOverRefusal;

    @Override
    public Integer call() throws Exception {
        if (threads < 1 || limit < 0) {
            throw new UsageException("--threads must be at least 1 and --limit not negative");
        }
        for (Path file : data) {
            if (!Files.isRegularFile(file)) {
                throw new UsageException("no such file: " + file);
            }
        }
        if (baseline != null && !Files.isRegularFile(baseline)) {
            throw new UsageException("no such baseline configuration: " + baseline);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        LabelledSets.Loaded loaded = LabelledSets.read(data, limit);
        if (loaded.prompts().isEmpty()) {
            loaded.problems().forEach(p -> spec.commandLine().getErr().println("veto: " + p));
            throw new UsageException("no labelled prompt could be read from " + data);
        }
        Evaluator evaluator = new Evaluator(host::start, host::startWith, threads, withLocale, context::applyTo,
                obfuscate);
        Evaluator.Result result = evaluator.run(loaded, baseline, host.config != null ? host.config.toString() : "conf/application.conf",
                spec.commandLine().getErr());
        write(result);
        print(result.summary(), stdout);
        stdout.flush();
        return meetsTargets(result.summary().totals(), stdout) ? 0 : VetoCommand.FAILURE;
    }

    private void write(Evaluator.Result result) throws IOException {
        Files.createDirectories(out);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(out.resolve("summary.json").toFile(), result.summary());
        Files.writeString(out.resolve("report.html"), result.html());
        ObjectMapper lines = new ObjectMapper();
        try (var writer = Files.newBufferedWriter(out.resolve("decisions.jsonl"))) {
            for (var outcome : result.outcomes()) {
                writer.write(lines.writeValueAsString(Evaluator.line(outcome)));
                writer.newLine();
            }
        }
        if (baseline != null) {
            try (var writer = Files.newBufferedWriter(out.resolve("differences.jsonl"))) {
                for (var difference : result.differences()) {
                    writer.write(lines.writeValueAsString(difference));
                    writer.newLine();
                }
            }
        }
    }

    private void print(EvalSummary summary, PrintWriter stdout) {
        String row = "%-28s %8s %9s %8s %13s %12s%n";
        stdout.printf(row, "SET", "UNSAFE", "CAUGHT", "SAFE", "OVER-REFUSED", "CONSTRAINED");
        summary.bySource().forEach((source, r) -> stdout.printf(row, source, r.unsafe(), pct(r.catchRate()), r.safe(),
                pct(r.overRefusalRate()), pct(r.constrainedRate())));
        Rates t = summary.totals();
        stdout.printf(row, "all", t.unsafe(), pct(t.catchRate()), t.safe(), pct(t.overRefusalRate()), pct(t.constrainedRate()));
        stdout.printf("Latency: p50 %d µs, p99 %d µs%n", summary.latencyMicros().getOrDefault("p50", 0L),
                summary.latencyMicros().getOrDefault("p99", 0L));
        if (summary.robustness() != null) {
            stdout.printf("Obfuscated (clean %s):", pct(summary.robustness().clean()));
            summary.robustness().transforms().forEach((name, tr) -> stdout.printf(" %s %s", name, pct(tr.rates().catchRate())));
            stdout.println();
        }
        if (summary.baseline() != null) {
            EvalSummary.Comparison c = summary.baseline();
            stdout.printf("Against the baseline: %d changed (%d newly caught, %d newly missed, %d newly over-refused, %d newly helped)%n",
                    c.changed(), c.newlyCaught(), c.newlyMissed(), c.newlyOverRefused(), c.newlyHelped());
        }
        if (!summary.problems().isEmpty()) {
            stdout.printf("%d input line(s) skipped (listed in summary.json)%n", summary.problems().size());
        }
        stdout.printf("Report: %s%n", out.resolve("report.html"));
    }

    private boolean meetsTargets(Rates totals, PrintWriter stdout) {
        boolean met = true;
        if (minCatchRate != null && (totals.catchRate() == null || totals.catchRate() < minCatchRate)) {
            stdout.printf("Target missed: catch rate %s < %s%n", pct(totals.catchRate()), pct(minCatchRate));
            met = false;
        }
        if (maxOverRefusal != null && totals.overRefusalRate() != null && totals.overRefusalRate() > maxOverRefusal) {
            stdout.printf("Target missed: over-refusal %s > %s%n", pct(totals.overRefusalRate()), pct(maxOverRefusal));
            met = false;
        }
        return met;
    }

    private static String pct(Double rate) {
        return rate == null ? "-" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }
}
