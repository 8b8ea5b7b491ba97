package dev.veto.cli.eval;

import dev.veto.core.RequestBuilder;
import dev.veto.core.Veto;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs an evaluation: the clean prompts, their obfuscated variants when asked for, and the same prompts on
 * a baseline configuration when one is given — each host started, used and closed in turn.
 */
public final class Evaluator {

    /**
     * What an evaluation produced.
     *
     * @param summary     the numbers
     * @param html        the self-contained report
     * @param outcomes    every check of the evaluated configuration (clean, then variants)
     * @param differences prompts whose verdict differs from the baseline's (empty without one)
     */
    public record Result(EvalSummary summary, String html, List<Outcome> outcomes, List<Difference> differences) {
    }

    private final Supplier<Veto> candidate;
    private final Function<Path, Veto> baselineHost;
    private final int threads;
    private final boolean withLocale;
    private final UnaryOperator<RequestBuilder> context;
    private final boolean obfuscate;

    /**
     * @param candidate    starts the host under evaluation
     * @param baselineHost starts a host with a given configuration file
     * @param threads      parallel checks
     * @param withLocale   send each row's language as the locale
     * @param context      sets the context of every request (tenant, jurisdiction, role…), to evaluate the
     *                     policy a tenant or jurisdiction gets
     * @param obfuscate    also check obfuscated variants of the unsafe prompts
     */
    public Evaluator(Supplier<Veto> candidate, Function<Path, Veto> baselineHost, int threads, boolean withLocale,
                     UnaryOperator<RequestBuilder> context, boolean obfuscate) {
        this.candidate = candidate;
        this.baselineHost = baselineHost;
        this.threads = threads;
        this.withLocale = withLocale;
        this.context = context;
        this.obfuscate = obfuscate;
    }

    /**
     * Runs the evaluation.
     *
     * @param loaded        the prompts
     * @param baseline      a baseline configuration file, or {@code null}
     * @param configuration how to name the evaluated configuration in the report
     * @param err           where progress goes
     * @return the result
     * @throws InterruptedException if interrupted
     */
    public Result run(LabelledSets.Loaded loaded, Path baseline, String configuration, PrintWriter err)
            throws InterruptedException {
        List<LabelledPrompt> clean = loaded.prompts();
        List<LabelledPrompt> variants = new ArrayList<>();
        if (obfuscate) {
            for (LabelledPrompt prompt : clean) {
                if (prompt.unsafe()) {
                    Obfuscator.NAMES.forEach(transform -> variants.add(Obfuscator.apply(prompt, transform)));
                }
            }
        }
        List<Outcome> cleanOutcomes;
        List<Outcome> variantOutcomes;
        String policyVersion;
        try (Veto veto = candidate.get()) {
            policyVersion = veto.policyVersion();
            EvalRunner runner = new EvalRunner(veto, threads, withLocale, context);
            cleanOutcomes = withProgress("checking", clean, runner, err);
            variantOutcomes = variants.isEmpty() ? List.of() : withProgress("obfuscated", variants, runner, err);
        }
        List<Difference> differences = List.of();
        EvalSummary.Comparison comparison = null;
        if (baseline != null) {
            try (Veto veto = baselineHost.apply(baseline)) {
                List<Outcome> baselineOutcomes = withProgress("baseline", clean, new EvalRunner(veto, threads, withLocale, context), err);
                differences = Evaluation.differences(baselineOutcomes, cleanOutcomes);
                comparison = Evaluation.compare(baseline.toString(), baselineOutcomes, differences);
            }
        }
        EvalSummary summary = Evaluation.summarize(configuration, policyVersion, cleanOutcomes, variantOutcomes, comparison,
                loaded.problems());
        List<Outcome> all = new ArrayList<>(cleanOutcomes);
        all.addAll(variantOutcomes);
        String generated = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return new Result(summary, HtmlReport.render(summary, differences, generated), all, differences);
    }

    /** One line of {@code decisions.jsonl}. */
    public static Map<String, Object> line(Outcome outcome) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", outcome.prompt().id());
        line.put("source", outcome.prompt().source());
        line.put("label", outcome.prompt().unsafe() ? "unsafe" : "safe");
        line.put("lang", outcome.prompt().lang());
        line.put("variant", outcome.prompt().variant());
        if (!outcome.prompt().context().fields().isEmpty()) {
            line.put("context", outcome.prompt().context().fields());
        }
        line.put("verdict", outcome.verdict());
        line.put("categories", outcome.categories());
        line.put("rule", outcome.rule());
        line.put("latency_us", outcome.micros());
        return line;
    }

    /** A progress bar on an interactive terminal; a line per phase otherwise (CI logs stay readable). */
    private static List<Outcome> withProgress(String task, List<LabelledPrompt> prompts, EvalRunner runner, PrintWriter err)
            throws InterruptedException {
        if (System.console() == null) {
            err.printf("veto eval: %s %d prompts…%n", task, prompts.size());
            err.flush();
            return runner.run(prompts, () -> { });
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(prompts.size())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build()) {
            return runner.run(prompts, bar::step);
        }
    }
}
