package dev.veto.core.chain;

import dev.veto.core.InvalidRequestException;
import dev.veto.core.normalize.NormalizedText;
import dev.veto.core.normalize.TextNormalizer;
import dev.veto.core.respond.ResponseComposer;
import dev.veto.core.trace.ComponentCall;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Request;
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
 * also read together, the latest {@code veto.limits.max-chars} of them, so that a request split over several
 * tool results is read whole. A reading counts where it would refuse or escalate, as an earlier turn's does.
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
        Readings found = new Readings(request, role, policyVersion, reader,
                new ArrayList<>(List.of(texts.size() + " " + name + " message(s), each read on its own")));
        for (String text : texts) {
            found.add(text, true);
        }
        if (texts.size() > 1 && found.strictest != Verdict.REFUSE) {
            String together = String.join("\n\n", texts);
            found.notes.add("then together" + (together.length() > maxChars ? ", their latest " + maxChars + " characters" : ""));
            found.add(latest(together), false);
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
            Optional<TurnReading> known = readings.get(role, sent, request, policyVersion);
            TurnReading reading;
            if (known.isPresent()) {
                reading = known.get();
                reused++;
            } else {
                String what = "a " + role.name().toLowerCase(Locale.ROOT) + " message";
                NormalizedText text = single ? withinLimit(sent, what) : latestNormalized(sent);
                Request alone = new Request(request.id(), List.of(Message.user(text.original())), request.modality(),
                        request.locale(), request.context());
                reading = reader.read(text, alone, ResponseComposer.otherRoleEvidence(role), notes);
                calls.addAll(reading.outcome().calls());
                if (reading.outcome().calls().stream().allMatch(call -> call.outcome().succeeded())) {
                    // kept without its calls: they were this request's, and every one of them succeeded
                    readings.put(role, sent, request, policyVersion, new TurnReading(
                            new Classification.Outcome(reading.outcome().signals(), List.of()), reading.verdict()));
                }
            }
            signals.addAll(reading.outcome().signals());
            strictest = strictest.strictest(reading.verdict());
        }
    }

    /** What the model reads of a message: its text, and the tools it called with their arguments. */
    static String readable(Message message) {
        if (message.toolCalls().isEmpty()) {
            return message.content();
        }
        return message.content() + message.toolCalls().stream().map(call -> "\n" + call.name() + " " + call.arguments())
                .collect(Collectors.joining());
    }

    /**
     * A message, normalized, if it is within {@code veto.limits.max-chars} as sent and after normalization
     * (compatibility characters can expand many times under NFKC).
     */
    private NormalizedText withinLimit(String text, String what) {
        if (text.length() > maxChars) {
            throw new InvalidRequestException(what + " has " + text.length() + " characters; at most " + maxChars
                    + " are accepted (veto.limits.max-chars)");
        }
        NormalizedText normalized = normalizer.normalize(text);
        if (normalized.text().length() > maxChars) {
            throw new InvalidRequestException("after Unicode normalization " + what + " has " + normalized.text().length()
                    + " characters; at most " + maxChars + " are accepted (veto.limits.max-chars)");
        }
        return normalized;
    }

    /** Messages read together, at most their latest {@code max-chars} characters, normalized. */
    private NormalizedText latestNormalized(String together) {
        NormalizedText normalized = normalizer.normalize(latest(together));
        return normalized.text().length() <= maxChars ? normalized : normalizer.normalize(latest(normalized.text()));
    }

    private String latest(String text) {
        return text.length() <= maxChars ? text : text.substring(text.length() - maxChars);
    }
}
