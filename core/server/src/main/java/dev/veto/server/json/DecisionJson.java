package dev.veto.server.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veto.core.Decision;
import dev.veto.core.PluginInfo;
import dev.veto.core.trace.ComponentCall;
import dev.veto.core.trace.StageTrace;
import dev.veto.core.trace.Trace;
import dev.veto.spi.escalator.EscalationTicket;
import dev.veto.spi.signal.Signal;
import dev.veto.spi.signal.Span;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;

/**
 * The JSON form of decisions and plugin reports: snake_case field names, durations in microseconds. This is
 * a public wire format (CLI output, batch files); fields are added, never renamed or removed.
 */
public final class DecisionJson {

    private final ObjectMapper mapper;

    /**
     * Creates the formatter.
     *
     * @param mapper the Jackson mapper nodes are created with
     */
    public DecisionJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * A decision as JSON.
     *
     * @param decision the decision
     * @return {@code id, trace_id, verdict, categories, rule, constraints, message, alternatives, reason, policy_version,
     *         language, escalation, output, signals, latency_us, trace}
     */
    public ObjectNode decision(Decision decision) {
        return decision(decision, true);
    }

    /**
     * A decision as JSON, with or without its trace.
     *
     * @param decision     the decision
     * @param includeTrace whether to add the {@code trace} object
     * @return the fields of {@link #decision(Decision)}, {@code trace} only if asked
     */
    public ObjectNode decision(Decision decision, boolean includeTrace) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", decision.requestId());
        node.put("trace_id", decision.trace().requestId());
        node.put("verdict", decision.verdict().name());
        strings(node.putArray("categories"), decision.categories());
        node.put("rule", decision.rule());
        ArrayNode constraints = node.putArray("constraints");
        decision.constraints().stream().sorted().forEach(c -> constraints.add(c.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        node.put("message", decision.reply().message());
        strings(node.putArray("alternatives"), decision.reply().alternatives());
        node.put("reason", decision.reason());
        node.put("policy_version", decision.policyVersion());
        node.put("language", decision.language());
        decision.escalation().ifPresentOrElse(ticket -> escalation(node.putObject("escalation"), ticket),
                () -> node.putNull("escalation"));
        decision.output().ifPresentOrElse(text -> node.put("output", text), () -> node.putNull("output"));
        ArrayNode signals = node.putArray("signals");
        decision.signals().forEach(s -> signal(signals.addObject(), s));
        node.put("latency_us", micros(decision.latency()));
        if (includeTrace) {
            trace(node.putObject("trace"), decision.trace());
        }
        return node;
    }

    /**
     * A plugin report as JSON.
     *
     * @param plugin the plugin
     * @return {@code id, version, state, file, requires, provider, description, extensions, problems}
     */
    public ObjectNode plugin(PluginInfo plugin) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", plugin.id());
        node.put("version", plugin.version());
        node.put("state", plugin.state());
        node.put("file", plugin.file().toString());
        node.put("sha256", plugin.sha256());
        node.put("requires", plugin.requires());
        node.put("provider", plugin.provider());
        node.put("description", plugin.description());
        strings(node.putArray("extensions"), plugin.factories());
        strings(node.putArray("problems"), plugin.problems());
        return node;
    }

    private static void escalation(ObjectNode node, EscalationTicket ticket) {
        node.put("case_id", ticket.caseId());
        node.put("status", ticket.status().name());
        node.put("expected_response_s", ticket.expectedResponse().toSeconds());
    }

    private static void signal(ObjectNode node, Signal signal) {
        node.put("category", signal.category());
        node.put("score", round(signal.score()));
        node.put("confidence", round(signal.confidence()));
        node.put("classifier", signal.classifier());
        ArrayNode spans = node.putArray("spans");
        for (Span span : signal.spans()) {
            spans.addArray().add(span.start()).add(span.end());
        }
        strings(node.putArray("evidence"), signal.evidence());
    }

    private static void trace(ObjectNode node, Trace trace) {
        node.put("request_id", trace.requestId());
        node.put("started_at", trace.startedAt().toString());
        node.put("total_us", micros(trace.total()));
        ArrayNode stages = node.putArray("stages");
        for (StageTrace stage : trace.stages()) {
            ObjectNode s = stages.addObject();
            s.put("stage", stage.stage());
            s.put("elapsed_us", micros(stage.elapsed()));
            strings(s.putArray("notes"), stage.notes());
            ArrayNode calls = s.putArray("calls");
            for (ComponentCall call : stage.calls()) {
                ObjectNode c = calls.addObject();
                c.put("component", call.component());
                c.put("plugin", call.plugin());
                c.put("outcome", call.outcome().name());
                c.put("elapsed_us", micros(call.elapsed()));
                c.put("failure_mode", call.failureMode().spelling());
                c.put("signals", call.signals().size());
                if (!call.error().isEmpty()) {
                    c.put("error", call.error());
                }
            }
        }
    }

    private static void strings(ArrayNode array, Collection<String> values) {
        values.forEach(array::add);
    }

    /**
     * A duration in whole microseconds.
     *
     * @param duration the duration
     * @return microseconds
     */
    public static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
