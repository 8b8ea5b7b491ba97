package dev.veto.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.veto.core.Decision;
import dev.veto.core.Veto;
import dev.veto.server.json.DecisionJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veto check}: decide on one text, or on every line of a JSONL file. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Decide on a text: verdict, user-facing message and operator rationale.",
                "With --input, decide on every line of a JSONL file: {\"id\": ..., \"prompt\": ..., "
                        + "optional tenant, locale (or lang), role, jurisdiction, channel, purpose, user, modality, and history: "
                        + "the turns before the prompt, [{\"role\": \"user\", \"content\": ...}, ...]}."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HostOptions host = new HostOptions();

    @Parameters(index = "0", arity = "0..1", paramLabel = "TEXT", description = "The text to check.")
    String text;

    @Option(names = "--input", paramLabel = "FILE.jsonl", description = "Check every line of this JSONL file.")
    Path input;

    @Option(names = "--output", paramLabel = "FILE", description = "With --input: write decisions here instead of standard output.")
    Path output;

    @Option(names = "--json", description = "Print the whole decision as one JSON object.")
    boolean json;

    @Option(names = "--trace", description = "With --input: include each decision's trace.")
    boolean trace;

    @ArgGroup(exclusive = false, heading = "Request context:%n")
    ContextOptions context = new ContextOptions();

    @Override
    public Integer call() throws Exception {
        if ((text == null) == (input == null)) {
            throw new UsageException("give either a TEXT to check or --input FILE.jsonl");
        }
        if (output != null && input == null) {
            throw new UsageException("--output needs --input");
        }
        ObjectMapper mapper = new ObjectMapper();
        DecisionJson decisionJson = new DecisionJson(mapper);
        PrintWriter out = spec.commandLine().getOut();
        try (HostOptions.RecordedHost recorded = host.startRecorded(new SimpleMeterRegistry())) {
            Veto veto = recorded.veto();
            if (input != null) {
                return new BatchCheck(veto, mapper, decisionJson, trace).run(input, output, out, spec.commandLine().getErr());
            }
            Decision decision = veto.check(context.applyTo(veto.request(text)).build());
            if (json) {
                out.println(mapper.writeValueAsString(decisionJson.decision(decision)));
            } else {
                printHuman(decision, out);
            }
            out.flush();
            return 0;
        }
    }

    static void printHuman(Decision decision, PrintWriter out) {
        out.printf("%s  by %s  (policy %s)%n", decision.verdict(), decision.rule(), decision.policyVersion());
        if (!decision.categories().isEmpty()) {
            out.printf("Categories: %s%n", String.join(", ", decision.categories()));
        }
        if (!decision.constraints().isEmpty()) {
            out.printf("Constraints: %s%n", decision.constraints().stream().sorted()
                    .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
        }
        if (!decision.reply().message().isEmpty()) {
            out.printf("%nMessage: %s%n", decision.reply().message());
            if (!decision.reply().alternatives().isEmpty()) {
                out.println("Ways forward:");
                decision.reply().alternatives().forEach(a -> out.printf("  - %s%n", a));
            }
        }
        decision.escalation().ifPresent(t -> out.printf("Escalation: case %s, %s%n", t.caseId(), t.status()));
        out.printf("%nRationale (operator): %s%n", decision.reason());
        out.printf("Latency: %.2f ms%n", decision.latency().toNanos() / 1e6);
    }

    static ObjectMapper compactMapper() {
        return new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    }
}
