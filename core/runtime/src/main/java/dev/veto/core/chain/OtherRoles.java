package dev.veto.core.chain;

import dev.veto.core.normalize.NormalizedText;
import dev.veto.core.normalize.TextNormalizer;
import dev.veto.core.respond.ResponseComposer;
import dev.veto.core.trace.ComponentCall;
import dev.veto.spi.generator.ToolCall;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Request;
import dev.veto.spi.request.RequestContext;
import dev.veto.spi.request.Role;
import dev.veto.spi.signal.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Readings of the messages of a role besides the user's ({@code veto.chain.input.also-judge}). Each message is
 * read on its own, as though the user had sent it (a classifier that reads the conversation sees that text
 * alone), so a reading depends on nothing else and is reused while the same text comes back — a system prompt
 * with every request, an agent's earlier tool results at every step. Where a role has several messages they are
 * also read together — in windows of {@code veto.limits.max-chars} that overlap by half where they are longer —
 * so that a request split over several tool results is read whole. A reading counts where it would refuse or
 * escalate, as an earlier turn's does.
 */
final class OtherRoles {

    /** Classifies a text and previews the policy on it, its signals marked with {@code evidence}. */
    @FunctionalInterface
    interface Reader {
        TurnReading read(NormalizedText text, Request alone, String evidence, List<String> notes);
    }

    private final TextNormalizer normalizer;
    private final ReadingCache<TurnReading> readings;
    private final int maxChars;

    OtherRoles(TextNormalizer normalizer, ReadingCache<TurnReading> readings, int maxChars) {
        this.normalizer = normalizer;
        this.readings = readings;
        this.maxChars = maxChars;
    }

    /** One role's messages of {@code request}, besides {@code subject}: their readings, traced as one stage. */
    TurnReading read(Request request, Message subject, Role role, String policyVersion, Reader reader, TraceBuilder trace) {
        List<String> texts = request.conversation().stream()
                .filter(message -> message.role() == role && message != subject)
                .map(message -> readable(message).strip())
                .filter(text -> !text.isEmpty())
                .toList();
        if (texts.isEmpty()) {
            return TurnReading.NONE;
        }
        String name = role.name().toLowerCase(Locale.ROOT);
        Readings found = new Readings(withoutUser(request), role, policyVersion, reader,
                new ArrayList<>(List.of(texts.size() + " " + name + " message(s), each read on its own")));
        for (String text : texts) {
            found.add(text, true);
        }
        if (texts.size() > 1 && found.strictest != Verdict.REFUSE) {
            List<String> windows = windows(String.join("\n\n", texts));
            found.notes.add("then together" + (windows.size() > 1
                    ? ", in " + windows.size() + " overlapping windows of " + maxChars + " characters" : ""));
            for (String window : windows) {
                found.add(window, false);
            }
        }
        if (found.reused > 0) {
            found.notes.add(found.reused + " reading(s) reused: the same text, context and policy");
        }
        trace.stage("classify-" + name + "-messages", found.calls, found.notes);
        return new TurnReading(new Classification.Outcome(found.signals, found.calls), found.strictest);
    }

    /** What one role's readings of a request found so far. */
    private final class Readings {
        final Request request;
        final Role role;
        final String policyVersion;
        final Reader reader;
        final List<String> notes;
        final List<Signal> signals = new ArrayList<>();
        final List<ComponentCall> calls = new ArrayList<>();
        Verdict strictest = Verdict.ALLOW;
        int reused;

        Readings(Request request, Role role, String policyVersion, Reader reader, List<String> notes) {
            this.request = request;
            this.role = role;
            this.policyVersion = policyVersion;
            this.reader = reader;
            this.notes = notes;
        }

        /** Reads a text, or reuses its reading; a single message beyond the limit is the caller's error. */
        void add(String sent, boolean single) {
            Optional<TurnReading> known = readings.get(role, !single, sent, request, policyVersion);
            TurnReading reading;
            if (known.isPresent()) {
                reading = known.get();
                reused++;
            } else {
                String what = (role == Role.ASSISTANT ? "an " : "a ") + role.name().toLowerCase(Locale.ROOT) + " message";
                List<NormalizedText> parts = single ? List.of(withinLimit(sent, what))
                        : windowsOf(normalizer.normalize(sent, 10 * maxChars, "a window of messages read together"));
                reading = TurnReading.NONE;
                for (NormalizedText text : parts) {
                    Request alone = new Request(request.id(), List.of(Message.user(text.original())), request.modality(),
                            request.locale(), request.context());
                    TurnReading part = reader.read(text, alone, ResponseComposer.otherRoleEvidence(role), notes);
                    reading = new TurnReading(new Classification.Outcome(
                            concat(reading.outcome().signals(), part.outcome().signals()),
                            concat(reading.outcome().calls(), part.outcome().calls())), reading.verdict().strictest(part.verdict()));
                }
                calls.addAll(reading.outcome().calls());
                if (reading.outcome().calls().stream().allMatch(call -> call.outcome().succeeded())) {
                    // kept without its calls: they were this request's, and every one of them succeeded
                    readings.put(role, !single, sent, request, policyVersion, new TurnReading(
                            new Classification.Outcome(reading.outcome().signals(), List.of()), reading.verdict()));
                }
            }
            signals.addAll(reading.outcome().signals());
            strictest = strictest.strictest(reading.verdict());
        }
    }

    /**
     * The request as its other roles' messages are read: without the user's id, which no policy condition
     * names, so that a system prompt's reading serves every user of its application.
     */
    private static Request withoutUser(Request request) {
        RequestContext c = request.context();
        return new Request(request.id(), request.conversation(), request.modality(), request.locale(),
                new RequestContext(c.tenant(), RequestContext.UNKNOWN, c.userRole(), c.jurisdiction(), c.channel(),
                        c.purpose(), c.attributes()));
    }

    /** What the model reads of a message: its text, and the tools it called with their arguments. */
    static String readable(Message message) {
        return message.toolCalls().isEmpty() ? message.content()
                : message.content() + "\n" + toolCallText(message.toolCalls());
    }

    /** Tool calls as classifiers read them, on input and on output alike: a line per call, name and arguments. */
    static String toolCallText(List<ToolCall> calls) {
        return calls.stream().map(call -> call.name() + " " + call.arguments() + "\n").collect(Collectors.joining());
    }

    /** A message, normalized, if it is within {@code veto.limits.max-chars} as sent and after normalization. */
    private NormalizedText withinLimit(String text, String what) {
        return normalizer.normalize(text, maxChars, what);
    }

    /**
     * A text cut into windows of {@code max-chars} that overlap by half, at fixed offsets from its start: every
     * stretch of up to half a window lies whole in one of them, and as an agent's conversation grows only the
     * last windows change (the others' readings are reused).
     */
    private List<String> windows(String text) {
        if (text.length() <= maxChars) {
            return List.of(text);
        }
        List<String> windows = new ArrayList<>();
        int step = Math.max(1, maxChars / 2);
        for (int start = 0; ; start += step) {
            int end = Math.min(start + maxChars, text.length());
            windows.add(text.substring(start, end));
            if (end == text.length()) {
                return windows;
            }
        }
    }

    /** A window read together, in windows again where normalization expanded it beyond {@code max-chars}. */
    private List<NormalizedText> windowsOf(NormalizedText normalized) {
        return normalized.text().length() <= maxChars ? List.of(normalized)
                : windows(normalized.text()).stream().map(normalizer::normalize).toList();
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }
}
