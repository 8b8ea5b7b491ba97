package dev.veto.core.chain;

import com.typesafe.config.Config;
import dev.veto.core.Decision;
import dev.veto.core.DecisionNotRecordedException;
import dev.veto.core.Reply;
import dev.veto.core.audit.DecisionRecorder;
import dev.veto.core.component.Component;
import dev.veto.core.component.Components;
import dev.veto.core.config.VetoConfigException;
import dev.veto.core.language.LanguageIdentifier;
import dev.veto.core.normalize.NormalizedText;
import dev.veto.core.normalize.TextNormalizer;
import dev.veto.core.policy.PolicyGate;
import dev.veto.core.policy.PolicyOutcome;
import dev.veto.core.privacy.RedactedRequest;
import dev.veto.core.privacy.Redactor;
import dev.veto.core.respond.ResponseComposer;
import dev.veto.core.trace.ComponentCall;
import dev.veto.spi.classifier.ClassificationInput;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.escalator.EscalationCase;
import dev.veto.spi.escalator.EscalationOutcome;
import dev.veto.spi.escalator.EscalationTicket;
import dev.veto.spi.escalator.Escalator;
import dev.veto.spi.generator.FinishReason;
import dev.veto.spi.generator.Generation;
import dev.veto.spi.generator.GenerationRequest;
import dev.veto.spi.generator.Generator;
import dev.veto.spi.generator.ToolCall;
import dev.veto.spi.policy.Constraint;
import dev.veto.spi.policy.Ruling;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Role;
import dev.veto.spi.request.Request;
import dev.veto.spi.retriever.Passage;
import dev.veto.spi.retriever.RetrievalQuery;
import dev.veto.spi.retriever.Retriever;
import dev.veto.spi.signal.Signal;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fixed skeleton every request runs through; plugins fill its stages.
 * <ol>
 *   <li><b>normalize</b> the latest user message;</li>
 *   <li><b>classify-input</b>: every input classifier in parallel under one deadline;</li>
 *   <li><b>policy</b>: the gate turns signals and failures into a ruling;</li>
 *   <li><b>retrieve</b> trusted material when the ruling calls for it;</li>
 *   <li><b>escalate</b> an escalated request to humans;</li>
 *   <li><b>generate</b> (full chain only) under the ruling's constraints;</li>
 *   <li><b>classify-output</b> and apply the policy to what was generated;</li>
 *   <li><b>respond</b> with the user-facing reply, and <b>record</b> the decision.</li>
 * </ol>
 * Nothing a plugin does can make this class throw or hang past its deadlines; see {@link Guard}.
 */
public final class Chain {

    private static final Logger log = LoggerFactory.getLogger(Chain.class);

    private final TextNormalizer normalizer;
    private final LanguageIdentifier languages;
    private final PolicyGate gate;
    private final ResponseComposer composer;
    private final Guard guard;
    private final Set<DecisionRecorder> recorders;
    private final Clock clock;
    private final ChainSettings settings;
    private final Classification inputClassification;
    private final Classification secondTier;
    private final Cascade cascade;
    private final Classification outputClassification;
    private final List<Component<Retriever>> retrievers;
    private final Optional<Component<Generator>> generator;
    private final Optional<Component<Escalator>> escalator;
    private final DecisionCache cache;
    private final OtherRoles otherRoles;
    private final int maxChars;
    private final StreamSettings streamSettings;
    private final Redactor redactor;
    /** The input classifiers that can find what the redactor masks: text none of them judged is withheld. */
    private final Set<String> maskers;

    /**
     * Assembles the chain.
     *
     * @param config     the host configuration
     * @param components the configured component instances
     * @param normalizer the normalizer
     * @param gate       the policy gate
     * @param composer   the reply composer
     * @param guard      runs plugin calls
     * @param recorders  receive every decision
     * @param clock      the host clock
     * @param meters     where the decision and reading caches report hits and misses
     * @throws VetoConfigException if the chain names a component that is not configured
     */
    @Inject
    public Chain(@Named("veto") Config config, Components components, TextNormalizer normalizer,
                 LanguageIdentifier languages, PolicyGate gate, ResponseComposer composer, Guard guard,
                 Set<DecisionRecorder> recorders, Clock clock, MeterRegistry meters) {
        this.normalizer = normalizer;
        this.languages = languages;
        this.gate = gate;
        this.composer = composer;
        this.guard = guard;
        this.recorders = recorders;
        this.clock = clock;
        this.settings = ChainSettings.read(config);
        Set<String> classifierNames = new java.util.TreeSet<>();
        components.classifiers().forEach(c -> classifierNames.add(c.name()));
        this.cascade = Cascade.read(config, classifierNames);
        this.inputClassification = new Classification(guard, components.classifiers(), Stage.INPUT, settings.input(),
                c -> !cascade.secondTier().contains(c.name()));
        this.secondTier = new Classification(guard, components.classifiers(), Stage.INPUT, settings.input(),
                c -> cascade.secondTier().contains(c.name()));
        this.outputClassification = new Classification(guard, components.classifiers(), Stage.OUTPUT, settings.output());
        this.retrievers = settings.retrievers().stream()
                .map(name -> required(config, components.retrievers().get(name), "veto.chain.retrieve.retrievers",
                        "retriever '" + name + "' is not defined (or not enabled) under veto.retrievers"))
                .toList();
        this.generator = optional(config, settings.generator(), components.generators().get(settings.generator()),
                "veto.chain.generate.generator", "generator '" + settings.generator() + "' is not defined (or not enabled) under veto.generators");
        this.escalator = optional(config, settings.escalator(), components.escalators().get(settings.escalator()),
                "veto.chain.escalate.escalator", "escalator '" + settings.escalator() + "' is not defined (or not enabled) under veto.escalators");
        this.cache = new DecisionCache(config, meters);
        this.maxChars = config.getInt("veto.limits.max-chars");
        this.otherRoles = new OtherRoles(normalizer, new ReadingCache<>(config, meters), maxChars);
        this.streamSettings = StreamSettings.read(config);
        this.redactor = Redactor.from(config);
        Set<String> maskingClassifiers = new java.util.TreeSet<>();
        components.classifiers().stream()
                .filter(c -> c.stages().contains(Stage.INPUT)
                        && c.declaredCategories().stream().anyMatch(redactor.maskCategories()::contains))
                .forEach(c -> maskingClassifiers.add(c.name()));
        this.maskers = Set.copyOf(maskingClassifiers);
        gate.onSwitch(version -> {
            cache.invalidateAll();
            otherRoles.forget();
        });
    }

    /**
     * Decides on a request without generating an answer: normalize, classify, policy, and for a refusal or
     * escalation the reply and escalation.
     *
     * @param request the request
     * @return the decision
     */
    public Decision check(Request request) {
        return run(request, null);
    }

    /**
     * Runs the full chain: the decision, and for an allowed or constrained request a generated answer that
     * passed output moderation.
     *
     * @param request the request
     * @return the decision, with the answer in {@link Decision#output()} when it was released
     */
    public Decision complete(Request request) {
        return run(request, new Completion(Map.of(), null));
    }

    /**
     * Runs the full chain with the caller's model parameters (an OpenAI-compatible proxy passes them on).
     *
     * @param request    the request
     * @param parameters OpenAI-style request fields for the generator
     * @return the decision, with the moderated generation when it was released
     */
    public Decision complete(Request request, Map<String, Object> parameters) {
        return run(request, new Completion(parameters, null));
    }

    /**
     * Runs the full chain, streaming the answer: {@code listener} receives text only after output moderation
     * has seen it (see {@link StreamModerator}); when moderation stops the stream, the decision is a refusal
     * of the output and its reply is what to tell the user.
     *
     * @param request    the request
     * @param parameters OpenAI-style request fields for the generator
     * @param listener   receives released text, in order, on the generator's thread
     * @return the decision once the stream has ended
     */
    public Decision stream(Request request, Map<String, Object> parameters, Consumer<String> listener) {
        return run(request, new Completion(parameters, listener));
    }

    /** How to generate: the caller's parameters, and where streamed text goes ({@code null}: not streamed). */
    private record Completion(Map<String, Object> parameters, Consumer<String> listener) {
    }

    /**
     * The active policy version.
     *
     * @return the version
     */
    public String policyVersion() {
        return gate.version();
    }

    /**
     * The message the input stage judges: the latest user message, or the last message of a conversation
     * without one. Earlier turns reach classifiers through {@link ClassificationInput#request()}.
     *
     * @param request the request
     * @return the message to judge
     */
    public static Message subject(Request request) {
        List<Message> conversation = request.conversation();
        return request.latestUserMessage().orElse(conversation.get(conversation.size() - 1));
    }

    private static Classification.Outcome merge(Classification.Outcome first, Classification.Outcome second) {
        return new Classification.Outcome(concat(first.signals(), second.signals()), concat(first.calls(), second.calls()));
    }

    /** The input classifiers on a text: the cheap tier, then the second where the cascade (or the policy) asks. */
    private Classification.Outcome classify(NormalizedText text, String language, Request request, List<String> notes) {
        return classify(text, language, request, true, notes);
    }

    private Classification.Outcome classify(NormalizedText text, String language, Request request, boolean cascaded,
                                            List<String> notes) {
        Classification.Outcome classified = inputClassification.run(text, language, request);
        if (!cascaded && !secondTier.isEmpty()) {
            notes.add("second tier not asked (veto.chain.input.also-judge-tiers = first)");
        } else if (!secondTier.isEmpty()) {
            Ruling firstTier = gate.preview(Stage.INPUT, request, classified.signals(), classified.calls()).ruling();
            Optional<String> skip = cascade.skipReason(classified.signals(),
                    firstTier.verdict().blocks() ? Optional.of(firstTier.verdict() + " by " + firstTier.rule()) : Optional.empty());
            boolean policyAsks = skip.isPresent() && gate.requiresSecondTier(request);
            // a rule that relaxes a first-tier block the second tier does not confirm needs its reading
            boolean ruleAwaits = skip.isPresent() && !policyAsks && firstTier.verdict().blocks()
                    && gate.awaitsConfirmation(request, classified.signals());
            if (skip.isPresent() && !policyAsks && !ruleAwaits) {
                notes.add("second tier skipped: " + skip.get());
            } else {
                classified = merge(classified, secondTier.run(text, language, request));
                notes.add("second tier ran: " + String.join(", ", new java.util.TreeSet<>(cascade.secondTier()))
                        + (policyAsks ? " (the policy asks for it)" : ruleAwaits ? " (a rule awaits its reading)" : ""));
            }
        } else if (inputClassification.isEmpty()) {
            notes.add("no input classifiers configured");
        }
        return classified;
    }

    /**
     * The user turns before the latest, judged as one text by the same classifiers and cascade: a client sends
     * the whole conversation, and the model reads all of it. Their signals count only when their own verdict
     * would refuse or escalate (a constraint an earlier turn earned was applied to its own answer), without
     * spans (they point into another text) and marked as coming from an earlier turn. The classifier calls count
     * in any case: an earlier turn that could not be judged fails as the stage says.
     */
    private TurnReading earlierTurns(Request request, TraceBuilder trace) {
        Message subject = subject(request);
        List<Message> before = new ArrayList<>();
        for (Message message : request.conversation()) {
            if (message == subject) {
                break; // found by identity: an earlier turn may hold the same words
            }
            before.add(message);
        }
        List<Message> userTurns = before.stream().filter(message -> message.role() == Role.USER).toList();
        if (userTurns.isEmpty()) {
            return TurnReading.NONE;
        }
        // a classifier that reads the conversation itself (a remote judge) sees it as it stood then
        Request then = new Request(request.id(), before, request.modality(), request.locale(), request.context());
        return readTogether(userTurns, then, ResponseComposer.EARLIER_TURN_EVIDENCE, "classify-earlier-turns",
                List.of(), Verdict::blocks, trace);
    }

    /**
     * The latest user turns read as one text, when the latest message or the earlier turns alone earned a
     * constraint but neither a block: a request split over turns ("Tell me about pipe bombs." / "what are they
     * made of?") is judged as the model will read it. Counts where it is stricter than the latest message
     * alone — so an earlier turn's constraint lasts as long as the turns read together still earn it, and no
     * longer.
     */
    private TurnReading jointTurns(Request request, Verdict latestAlone, TraceBuilder trace) {
        List<Message> userTurns = request.conversation().stream().filter(message -> message.role() == Role.USER).toList();
        List<Message> latest = userTurns.subList(Math.max(0, userTurns.size() - settings.jointTurns()), userTurns.size());
        return readTogether(latest, request, ResponseComposer.JOINT_TURNS_EVIDENCE, "classify-joint-turns",
                List.of("the latest " + latest.size() + " user turns read together"),
                verdict -> verdict.strictest(latestAlone) != latestAlone, trace);
    }

    private static String joined(List<Message> messages) {
        return messages.stream().map(Message::content).collect(Collectors.joining("\n\n")).strip();
    }

    /** Some user turns as one text, in the language of that text (an earlier turn may be in another). */
    private TurnReading readTogether(List<Message> turns, Request request, String evidence, String stage,
                                     List<String> opening, Predicate<Verdict> counts, TraceBuilder trace) {
        List<String> notes = new ArrayList<>(opening);
        // several turns may hold up to the body's limit; expansion beyond ten messages' worth is no conversation
        TurnReading reading = read(normalizer.normalize(joined(turns), 10 * maxChars, "the user turns read together"),
                request, evidence, counts, true, Set.of(), notes);
        trace.stage(stage, reading.outcome().calls(), notes);
        return reading;
    }

    /**
     * A text besides the latest message, in its own language: its signals only where {@code counts} accepts its
     * verdict, without spans (they point into another text) and marked with {@code evidence}; its calls always.
     * Signals of the {@code ignored} categories do not count (an other role's, as configured).
     */
    private TurnReading read(NormalizedText text, Request request, String evidence, Predicate<Verdict> counts,
                             boolean cascaded, Set<String> ignored, List<String> notes) {
        Classification.Outcome judged = classify(text, classificationLanguage(request, text, notes), request, cascaded, notes);
        if (!ignored.isEmpty() && judged.signals().stream().anyMatch(signal -> ignored.contains(signal.category()))) {
            notes.add("signals of " + new java.util.TreeSet<>(ignored) + " not counted here (veto.chain.input.also-judge-ignore)");
            judged = new Classification.Outcome(judged.signals().stream()
                    .filter(signal -> !ignored.contains(signal.category())).toList(), judged.calls());
        }
        Ruling ruling = gate.preview(Stage.INPUT, request, judged.signals(), judged.calls()).ruling();
        boolean counted = counts.test(ruling.verdict());
        notes.add(ruling.verdict() + " by " + ruling.rule() + (counted ? ": their signals join the request's" : ": not counted"));
        List<Signal> signals = !counted ? List.of() : judged.signals().stream()
                .map(signal -> new Signal(signal.category(), signal.score(), signal.confidence(), List.of(),
                        concat(List.of(evidence), signal.evidence()), signal.classifier()))
                .toList();
        return new TurnReading(new Classification.Outcome(signals, judged.calls()), ruling.verdict());
    }

    private Decision run(Request request, Completion completion) {
        Spin.ACTIVE_REQUESTS.incrementAndGet();
        try {
            return decide(request, completion);
        } finally {
            Spin.ACTIVE_REQUESTS.decrementAndGet();
        }
    }

    private Decision decide(Request sent, Completion completion) {
        boolean generate = completion != null;
        TraceBuilder trace = new TraceBuilder(sent.id(), clock.instant());
        RefusedExchanges.Pruned pruned = settings.dropRefusedExchanges()
                ? RefusedExchanges.prune(sent, subject(sent), gate.refusals()) : new RefusedExchanges.Pruned(sent, 0);
        Request request = pruned.request(); // what is judged, generated from and recorded
        // compatibility characters can expand many times under NFKC: the limit holds for what is classified
        NormalizedText text = normalizer.normalize(subject(request).content(), maxChars, "the text");
        List<String> notes = new ArrayList<>(text.notes());
        if (pruned.dropped() > 0) {
            notes.add("dropped " + pruned.dropped() + " exchange(s) Veto refused from the conversation");
        }
        String language = classificationLanguage(request, text, notes);
        trace.stage("normalize", List.of(), notes);
        if (!generate) {
            Optional<Decision> cached = cache.get(request, text.text(), gate.version(), clock.instant());
            if (cached.isPresent()) {
                record(redactor.redact(request, cached.get().signals(), !maskers.isEmpty()), cached.get());
                return cached.get();
            }
        }

        List<Signal> signals = new ArrayList<>();
        List<String> classifyNotes = new ArrayList<>(1);
        Classification.Outcome classified = classify(text, language, request, classifyNotes);
        trace.stage("classify-input", classified.calls(), classifyNotes);
        boolean readsMore = settings.judgeEarlierTurns() || !settings.alsoJudged().isEmpty();
        if (readsMore && request.conversation().size() > 1) {
            Verdict latest = gate.preview(Stage.INPUT, request, classified.signals(), classified.calls()).ruling().verdict();
            if (latest != Verdict.REFUSE) { // nothing could make a refusal stricter
                // their calls count for the gate too: a turn that could not be judged fails as the stage says
                if (settings.judgeEarlierTurns()) {
                    TurnReading earlier = earlierTurns(request, trace);
                    classified = merge(classified, earlier.outcome());
                    boolean constrainedPart = latest == Verdict.CONSTRAIN || earlier.verdict() == Verdict.CONSTRAIN;
                    if (settings.jointTurns() > 1 && earlier != TurnReading.NONE && constrainedPart
                            && !earlier.verdict().blocks()) {
                        classified = merge(classified, jointTurns(request, latest, trace).outcome());
                    }
                }
                for (Role role : settings.alsoJudged()) {
                    TurnReading reading = otherRoles.read(request, subject(request), role, gate.version(),
                            (other, alone, evidence, readingNotes) -> read(other, alone, evidence, Verdict::blocks,
                                    settings.alsoJudgedByCascade(), settings.alsoJudgeIgnore().getOrDefault(role, Set.of()),
                                    readingNotes), trace);
                    classified = merge(classified, reading.outcome());
                }
            }
        }
        signals.addAll(classified.signals());

        PolicyOutcome outcome = gate.decide(Stage.INPUT, request, classified.signals(), classified.calls());
        Ruling ruling = outcome.ruling();
        List<String> policyNotes = new ArrayList<>(List.of(ruling.verdict() + " by " + ruling.rule()));
        // only a reply needs the language: allowed checks skip the cost, and an allowed generation identifies
        // it while the model works (its output is judged, and a refusal written, in that language)
        ReplyLanguage replyLanguage = new ReplyLanguage(language, text);
        replyLanguage.settleFor(ruling.verdict(), policyNotes);
        trace.stage("policy", List.of(), policyNotes);

        List<Passage> passages = List.of();
        if (!retrievers.isEmpty() && settings.retrieveWhen().contains(ruling.verdict())) {
            RetrievalQuery query = new RetrievalQuery(text.text(), request, ruling, settings.retrieveLimit());
            List<Guard.Result<List<Passage>>> results = guard.callAll(retrievers, settings.retrieve(),
                    retriever -> retriever.retrieve(query), Chain::checkedPassages);
            List<ComponentCall> calls = results.stream().map(Guard.Result::call).toList();
            passages = results.stream().filter(r -> r.value() != null).flatMap(r -> r.value().stream())
                    .sorted((a, b) -> Double.compare(b.score(), a.score())).limit(settings.retrieveLimit()).toList();
            List<String> retrieveNotes = new ArrayList<>(List.of(passages.size() + " passage(s)"));
            if (calls.stream().anyMatch(ComponentCall::failedClosed)) {
                outcome = gate.decide(Stage.INPUT, request, classified.signals(), concat(classified.calls(), calls));
                ruling = outcome.ruling();
                replyLanguage.settleFor(ruling.verdict(), retrieveNotes);
            }
            trace.stage("retrieve", calls, retrieveNotes);
        }

        boolean maskersRan = classified.calls().stream()
                .anyMatch(call -> maskers.contains(call.component()) && call.outcome().succeeded());
        RedactedRequest redacted = redactor.redact(request, classified.signals(), maskersRan);
        Optional<EscalationTicket> ticket = Optional.empty();
        if (ruling.verdict() == Verdict.ESCALATE && !outcome.componentFailure()) {
            ticket = escalate(redacted.request(), ruling, gate.escalationExpiry(request), trace);
        }

        language = replyLanguage.value;
        Optional<Generation> answer = Optional.empty();
        Reply reply;
        if (generate && !ruling.verdict().blocks()) {
            Generated generated = generate(request, outcome, passages, language, replyLanguage.pending ? text : null,
                    trace, completion);
            language = generated.language();
            signals.addAll(generated.signals());
            answer = generated.generation();
            if (generated.outcome().ruling().verdict().blocks()) {
                ruling = generated.outcome().ruling();
                reply = composer.compose(generated.outcome(), language, Optional.empty(), passages);
            } else {
                reply = answer.isEmpty() ? generated.reply() : composer.compose(outcome, language, ticket, passages);
            }
        } else {
            reply = composer.compose(outcome, language, ticket, passages);
        }
        trace.stage("respond", null);

        Decision decision = new Decision(request.id(), ruling, reply, ticket, answer, language, signals, trace.build());
        if (!generate) {
            cache.put(request, text.text(), decision);
        }
        record(redacted, decision);
        return decision;
    }

    /**
     * The outcome of generation and output moderation.
     *
     * @param generation what was released (for a stopped stream, the part released before the stop)
     * @param outcome    the policy outcome that stands: the input's, or the output's when it blocked
     * @param reply      what to tell the user when nothing was generated
     * @param signals    the output classifiers' signals
     * @param language   the language replies are written in
     */
    private record Generated(Optional<Generation> generation, PolicyOutcome outcome, Reply reply, List<Signal> signals,
                             String language) {
    }

    /**
     * Generates under output moderation.
     *
     * @param language   the reply language, if known
     * @param identifyIn the text to identify it in while the model works, or {@code null} if it is known
     */
    private Generated generate(Request request, PolicyOutcome input, List<Passage> passages, String language,
                               NormalizedText identifyIn, TraceBuilder trace, Completion completion) {
        Ruling inputRuling = input.ruling();
        List<String> notes = new ArrayList<>(2);
        if (generator.isEmpty()) {
            String replyLanguage = identifyIn == null ? language : identify(identifyIn, notes);
            notes.add(0, "no generator configured (veto.chain.generate.generator)");
            trace.stage("generate", List.of(), notes);
            return new Generated(Optional.empty(), input, composer.noGenerator(input, replyLanguage), List.of(), replyLanguage);
        }
        GenerationRequest generationRequest = new GenerationRequest(request, steer(request, inputRuling.constraints()),
                inputRuling.constraints(), passages, settings.maxTokens(), completion.parameters());
        CompletableFuture<String> replyLanguage = identifyIn == null ? CompletableFuture.completedFuture(language)
                : new CompletableFuture<>();
        OutputJudge judge = new OutputJudge(request, replyLanguage);
        StreamModerator moderator = completion.listener() == null ? null
                : new StreamModerator(completion.listener(), judge::judge, streamSettings);
        Guard.Result<Generation> generated = guard.callWhile(generator.get(), settings.generate(),
                g -> moderator == null ? g.generate(generationRequest) : g.stream(generationRequest, moderator),
                Chain::checkedGeneration, () -> {
                    if (identifyIn != null) {
                        try {
                            replyLanguage.complete(identify(identifyIn, notes));
                        } finally {
                            replyLanguage.complete(ClassificationInput.UNDETERMINED); // never leave the judge waiting
                        }
                    }
                });
        if (moderator != null) {
            notes.add(moderator.windows() + " window(s) moderated while streaming");
            if (moderator.listenerGone()) {
                notes.add("the client went away; the stream was stopped");
            }
        }
        trace.stage("generate", List.of(generated.call()), notes);
        String finalLanguage = replyLanguage.join();
        if (generated.value() == null) {
            // the generator failed or timed out: whatever was released stays released, nothing more
            return new Generated(moderator == null || moderator.released().isEmpty() ? Optional.empty()
                    : Optional.of(new Generation(moderator.released(), FinishReason.CANCELLED, "")),
                    input, composer.generationFailed(input, finalLanguage), judge.signals(), finalLanguage);
        }
        Generation generation = generated.value();
        PolicyOutcome violation;
        String text;
        if (moderator == null) {
            text = normalizer.visible(generation.text()); // what is released is what was moderated
            violation = judge.blocking(text);
        } else {
            violation = moderator.finish();
            text = moderator.released();
        }
        if (violation == null && !generation.toolCalls().isEmpty()) {
            violation = judge.blocking(toolCallText(generation));
        }
        trace.stage("classify-output", judge.calls(), outputClassification.isEmpty() ? List.of("no output classifiers configured") : List.of());
        PolicyOutcome decided = violation != null ? violation : judge.last(input);
        trace.stage("policy-output", List.of(), List.of(decided.ruling().verdict() + " by " + decided.ruling().rule()));
        if (violation != null) {
            Optional<Generation> partial = text.isEmpty() || moderator == null ? Optional.empty()
                    : Optional.of(new Generation(text, FinishReason.CANCELLED, generation.model()));
            return new Generated(partial, violation, Reply.NONE, judge.signals(), finalLanguage);
        }
        return new Generated(Optional.of(new Generation(text, generation.finishReason(), generation.model(),
                generation.toolCalls())), input, Reply.NONE, judge.signals(), finalLanguage);
    }

    /** Tool calls as output moderation reads them: each tool's name and arguments on a line. */
    private static String toolCallText(Generation generation) {
        return OtherRoles.toolCallText(generation.toolCalls());
    }

    /**
     * Output moderation of one generation: each judged piece of text (the whole answer, stream windows, tool
     * calls) runs the output classifiers and the policy. Collects calls and signals for the trace; thread-safe
     * because a stream's windows are judged on the generator's thread.
     */
    private final class OutputJudge {
        private final Request request;
        private final CompletableFuture<String> language;
        private final List<ComponentCall> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        private final List<Signal> signals = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile PolicyOutcome last;

        /** @param language the reply language; it may still be being identified when the first window comes */
        OutputJudge(Request request, CompletableFuture<String> language) {
            this.request = request;
            this.language = language;
        }

        PolicyOutcome judge(String text) {
            Classification.Outcome moderated = outputClassification.run(normalizer.normalize(normalizer.visible(text)),
                    language.join(), request);
            calls.addAll(moderated.calls());
            signals.addAll(moderated.signals());
            PolicyOutcome outcome = gate.decide(Stage.OUTPUT, request, moderated.signals(), moderated.calls());
            last = outcome;
            return outcome;
        }

        /** Judges a piece of text; the outcome if it blocks, else {@code null}. */
        PolicyOutcome blocking(String text) {
            PolicyOutcome outcome = judge(text);
            return outcome.ruling().verdict().blocks() ? outcome : null;
        }

        PolicyOutcome last(PolicyOutcome fallback) {
            return last != null ? last : fallback;
        }

        List<ComponentCall> calls() {
            synchronized (calls) {
                return List.copyOf(calls);
            }
        }

        List<Signal> signals() {
            synchronized (signals) {
                return List.copyOf(signals);
            }
        }
    }

    /**
     * The conversation as the model gets it: every message reduced to its visible text (the classifiers never
     * saw invisible characters, so the model must not read them either), preceded by a system message with
     * the steering text of each constraint.
     */
    private List<Message> steer(Request request, Set<Constraint> constraints) {
        List<Message> messages = new ArrayList<>(request.conversation().size() + 1);
        if (!constraints.isEmpty()) {
            StringBuilder guidance = new StringBuilder();
            constraints.stream().sorted().forEach(c -> guidance.append(settings.steering().get(c)).append('\n'));
            messages.add(Message.system(guidance.toString().strip()));
        }
        for (Message message : request.conversation()) {
            // the model reads what the classifiers read: no invisible characters in the text or the tool calls
            List<ToolCall> calls = message.toolCalls().stream().map(call -> new ToolCall(call.id(),
                    normalizer.visible(call.name()), normalizer.visible(call.arguments()))).toList();
            messages.add(new Message(message.role(), normalizer.visible(message.content()), calls, message.toolCallId()));
        }
        return messages;
    }

    private Optional<EscalationTicket> escalate(Request redacted, Ruling ruling, Verdict onExpiry, TraceBuilder trace) {
        if (escalator.isEmpty()) {
            trace.stage("escalate", "no escalator configured (veto.chain.escalate.escalator); the request is held, not reviewed");
            return Optional.empty();
        }
        EscalationCase escalationCase = new EscalationCase(redacted, ruling, onExpiry);
        Guard.Result<EscalationTicket> result = guard.callAll(List.of(escalator.get()), settings.escalate(),
                e -> e.escalate(escalationCase), Chain::checkedTicket).get(0);
        trace.stage("escalate", List.of(result.call()), List.of());
        return Optional.ofNullable(result.value());
    }

    /**
     * Asks the configured escalator how a case stands, under the escalate stage's deadline.
     *
     * @param caseId the case id from a ticket
     * @return the outcome; empty when no escalator is configured, it does not know the case, or it failed
     */
    public Optional<EscalationOutcome> escalationOutcome(String caseId) {
        if (escalator.isEmpty()) {
            return Optional.empty();
        }
        Guard.Result<Optional<EscalationOutcome>> result = guard.callAll(List.of(escalator.get()), settings.escalate(),
                e -> e.outcome(caseId), outcome -> outcome == null ? Optional.empty() : outcome).get(0);
        return result.value() == null ? Optional.empty() : result.value();
    }

    private void record(RedactedRequest request, Decision decision) {
        for (DecisionRecorder recorder : recorders) {
            try {
                recorder.record(request, decision);
            } catch (RuntimeException e) {
                if (recorder.required()) {
                    throw new DecisionNotRecordedException(decision.requestId(), e);
                }
                log.error("Decision recorder {} failed for request {}", recorder.getClass().getName(), decision.requestId(), e);
            }
        }
    }

    /**
     * The language classifiers are told for a text of the request: its locale's; else identified before
     * classification where the host is configured to, or — where the model runs only for replies — by its free
     * shortcuts (script, plain English); else undetermined.
     */
    private String classificationLanguage(Request request, NormalizedText text, List<String> notes) {
        String language = language(request);
        if (!language.equals(ClassificationInput.UNDETERMINED)) {
            return language;
        }
        if (languages.mode() == LanguageIdentifier.Mode.ALWAYS) {
            return identify(text, notes);
        }
        LanguageIdentifier.Identified shortcut = languages.identifyWithoutModel(text.text());
        if (!shortcut.language().equals(ClassificationInput.UNDETERMINED)) {
            notes.add(String.format(Locale.ROOT, "language identified without the model: %s (%.2f)",
                    shortcut.language(), shortcut.confidence()));
        }
        return shortcut.language();
    }

    private String identify(NormalizedText text, List<String> notes) {
        LanguageIdentifier.Identified identified = languages.identify(text.text());
        notes.add(identified.language().equals(ClassificationInput.UNDETERMINED) ? "language not identified"
                : String.format(Locale.ROOT, "language identified: %s (%.2f)", identified.language(), identified.confidence()));
        return identified.language();
    }

    /**
     * The language replies are written in: the request's, or — where the host identifies it only for replies —
     * identified from the text once a verdict means a reply will be written.
     */
    private final class ReplyLanguage {
        private final NormalizedText text;
        private String value;
        private boolean pending;

        ReplyLanguage(String known, NormalizedText text) {
            this.text = text;
            this.value = known;
            this.pending = known.equals(ClassificationInput.UNDETERMINED)
                    && languages.mode() == LanguageIdentifier.Mode.FOR_REPLIES;
        }

        /** Identifies the language now, noting it, unless the verdict is ALLOW (the model's answer needs none yet). */
        void settleFor(Verdict verdict, List<String> notes) {
            if (pending && verdict != Verdict.ALLOW) {
                value = identify(text, notes);
                pending = false;
            }
        }
    }

    private static String language(Request request) {
        String language = request.locale().getLanguage();
        return language.isEmpty() ? ClassificationInput.UNDETERMINED : language.toLowerCase(Locale.ROOT);
    }

    /** The most passages one retriever may return. */
    private static final int MAX_PASSAGES = 100;

    private static List<Passage> checkedPassages(List<Passage> passages) {
        if (passages == null) {
            throw new Guard.InvalidResult("null instead of a list of passages");
        }
        if (passages.size() > MAX_PASSAGES) {
            throw new Guard.InvalidResult(passages.size() + " passages; at most " + MAX_PASSAGES + " are accepted");
        }
        List<Passage> copy = new ArrayList<>(passages.size());
        for (Passage passage : passages) {
            if (passage == null) {
                throw new Guard.InvalidResult("a null passage");
            }
            copy.add(passage);
        }
        return List.copyOf(copy);
    }

    private static Generation checkedGeneration(Generation generation) {
        if (generation == null) {
            throw new Guard.InvalidResult("null instead of a generation");
        }
        return generation;
    }

    private static EscalationTicket checkedTicket(EscalationTicket ticket) {
        if (ticket == null) {
            throw new Guard.InvalidResult("null instead of a ticket");
        }
        return ticket;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static <T> T required(Config config, T value, String path, String problem) {
        if (value == null) {
            throw VetoConfigException.at(config.getValue(path).origin(), path, problem);
        }
        return value;
    }

    private static <T> Optional<T> optional(Config config, String name, T value, String path, String problem) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(required(config, value, path, problem));
    }
}
