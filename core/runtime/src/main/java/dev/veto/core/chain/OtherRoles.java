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
 * also read where they meet — a window around each boundary between two of them — so that a request split over
 * several tool results is read whole. A reading counts where it would refuse or escalate, as an earlier turn's
 * does.
 */
final class OtherRoles {

    /** Classifies a text and previews the policy on it, its signals marked with {@code evidence}. */
    @FunctionalInterface
    interface Reader {
        TurnReading read(NormalizedText text, Request alone, String evidence, List<String> notes);
    }

    /** How far a window around a boundary between two messages reaches into each of them. */
    static final int SPAN = 2000;

    private final TextNormalizer normalizer;
    private final ReadingCache<TurnReading> readings;
    private final int maxChars;

    OtherRoles(TextNormalizer normalizer, ReadingCache<TurnReading> readings, int maxChars) {
        this.normalizer = normalizer;
        this.readings = readings;
        this.maxChars = maxChars;
    }

    /** Forgets every reading (the policy changed: a reading's verdict is the old policy's). */
    void forget() {
        readings.invalidateAll();
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
            List<String> windows = whereTheyMeet(texts);
            found.notes.add("then where they meet: " + windows.size() + " window(s)");
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
                NormalizedText text = single ? withinLimit(sent, what) : window(sent);
                Request alone = new Request(request.id(), List.of(Message.user(text.original())), request.modality(),
                        request.locale(), request.context());
                reading = reader.read(text, alone, ResponseComposer.otherRoleEvidence(role), notes);
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
     * The messages joined by a space (the lexicons' phrases read across it, not across a line break), read in
     * windows around the places where one message ends and the next begins: a request split over messages lies
     * across such a place, and every message was read whole on its own. Each window holds up to {@link #SPAN}
     * characters before and after its boundary; a boundary that the last window covers with half that margin
     * gets none of its own, so the work stays near the text's length however many messages there are.
     */
    private List<String> whereTheyMeet(List<String> texts) {
        String joined = String.join(" ", texts);
        int span = Math.min(SPAN, Math.max(1, maxChars / 2));
        if (joined.length() <= 2 * span) {
            return List.of(joined);
        }
        List<String> windows = new ArrayList<>();
        int boundary = -1;
        int lastCentre = Integer.MIN_VALUE / 2;
        for (int i = 0; i < texts.size() - 1; i++) {
            boundary += texts.get(i).length() + 1; // the joining space
            if (boundary - lastCentre < span / 2) {
                continue;
            }
            windows.add(joined.substring(Math.max(0, boundary - span), Math.min(joined.length(), boundary + 1 + span)));
            lastCentre = boundary;
        }
        return windows;
    }

    /** A window where messages meet, normalized; one that NFKC would expand beyond four times its length is refused. */
    private NormalizedText window(String window) {
        return normalizer.normalize(window, 4 * (2 * SPAN + 1), "a window of messages read together");
    }
}
