package dev.veto.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veto.core.Reply;
import dev.veto.core.trace.CallOutcome;
import dev.veto.core.trace.ComponentCall;
import dev.veto.core.trace.FailureMode;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.policy.Constraint;
import dev.veto.spi.policy.Ruling;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Modality;
import dev.veto.spi.request.Request;
import dev.veto.spi.request.RequestContext;
import dev.veto.spi.signal.Signal;
import dev.veto.testkit.PolicyFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy format: thresholds, presets, rules and their precedence, overlays, messages, validation. */
class PolicyBundleTest {

    @TempDir
    Path directory;

    PolicyFixture policy;

    @BeforeEach
    void copyDefaultPolicy() {
        policy = PolicyFixture.copyBundled(directory);
    }

    private PolicyBundle load() {
        return PolicyBundle.load(PolicySource.directory(directory));
    }

    private static Request request(RequestContext context, Modality modality, String locale) {
        return new Request("r", List.of(Message.user("text")), modality, Locale.forLanguageTag(locale), context);
    }

    private static Request request(RequestContext context) {
        return request(context, Modality.TEXT, "en");
    }

    private static Ruling decide(PolicyBundle bundle, Request request, Signal... signals) {
        return bundle.decide(Stage.INPUT, request, List.of(signals), List.of()).ruling();
    }

    private static final Request ANYONE = request(RequestContext.ANONYMOUS);

    @Test
    void theBundledPolicyLoadsWithItsTaxonomyAndAVersion() {
        PolicyBundle bundled = PolicyBundle.load(PolicySource.bundled());
        assertThat(bundled.version()).matches("veto-baseline@[0-9a-f]{12}");
        assertThat(bundled.taxonomy()).hasSize(17).contains("violent-crimes", "prompt-attack", "sensitive-data", "misinformation");
        assertThat(bundled.messages().languages()).containsExactlyInAnyOrder("en", "es", "fr", "de", "it", "zh", "ar", "vi", "ko",
                "th", "bn", "sw", "jv");
        assertThat(load().version()).isEqualTo(bundled.version()); // same files, same version
    }

    @Test
    void thresholdsEarnEveryVerdict() {
        policy.append("policy.conf", "categories.elections { escalate = 0.6 }");
        PolicyBundle bundle = load();
        assertThat(decide(bundle, ANYONE).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(decide(bundle, ANYONE).rule()).isEqualTo("default/allow");
        assertThat(decide(bundle, ANYONE, Signal.of("hate", 0.49)).verdict()).isEqualTo(Verdict.ALLOW);
        Ruling constrained = decide(bundle, ANYONE, Signal.of("hate", 0.5));
        assertThat(constrained.verdict()).isEqualTo(Verdict.CONSTRAIN);
        assertThat(constrained.constraints()).containsExactly(Constraint.HIGH_LEVEL_ONLY);
        assertThat(decide(bundle, ANYONE, Signal.of("elections", 0.65)).verdict()).isEqualTo(Verdict.ESCALATE);
        Ruling refused = decide(bundle, ANYONE, Signal.of("hate", 0.85), Signal.of("specialized-advice", 0.9));
        assertThat(refused.verdict()).isEqualTo(Verdict.REFUSE);
        assertThat(refused.rule()).isEqualTo("threshold/hate/refuse");
        assertThat(refused.categories()).containsExactly("hate", "specialized-advice");
        assertThat(refused.policyVersion()).isEqualTo(bundle.version());
        assertThat(refused.evidence()).hasSize(2);
    }

    @Test
    void regulatedAdviceIsConstrainedWithDisclaimerAndReferral() {
        Ruling ruling = decide(load(), ANYONE, Signal.of("specialized-advice", 0.95));
        assertThat(ruling.verdict()).isEqualTo(Verdict.CONSTRAIN);
        assertThat(ruling.constraints()).containsExactlyInAnyOrder(Constraint.DISCLAIMER, Constraint.PROFESSIONAL_REFERRAL);
    }

    @Test
    void theNeuralModelAloneNeverRefusesOnPrivacyButTheLexiconStillDoes() {
        PolicyBundle bundle = load();
        Ruling semantic = decide(bundle, ANYONE, Signal.of("privacy", 0.99).withClassifier("semantic"));
        assertThat(semantic.verdict()).isEqualTo(Verdict.CONSTRAIN);
        assertThat(semantic.rule()).isEqualTo("rule/semantic-privacy-constrains");
        assertThat(decide(bundle, ANYONE, Signal.of("privacy", 0.99).withClassifier("lexicon")).verdict())
                .isEqualTo(Verdict.REFUSE);
        assertThat(decide(bundle, ANYONE, Signal.of("hate", 0.99).withClassifier("semantic")).verdict())
                .isEqualTo(Verdict.REFUSE); // other categories: near-certain is still enough
    }

    /** A second opinion: the lexicon alone refuses only what the neural model, having read it, does not call safe. */
    @Test
    void aLexiconRefusalTheNeuralModelReadAsSafeIsConstrained() {
        PolicyBundle bundle = load();
        Signal phrase = Signal.of("non-violent-crimes", 0.85).withClassifier("lexicon");
        Ruling unconfirmed = decide(bundle, ANYONE, phrase, Signal.of("non-violent-crimes", 0.12).withClassifier("semantic"));
        assertThat(unconfirmed.verdict()).isEqualTo(Verdict.CONSTRAIN);
        assertThat(unconfirmed.rule()).isEqualTo("rule/lexicon-unconfirmed-constrains");
        // the model finds something unsafe, in any category: the phrase refuses
        assertThat(decide(bundle, ANYONE, phrase, Signal.of("hate", 0.31).withClassifier("semantic")).verdict())
                .isEqualTo(Verdict.REFUSE);
        // the model did not read the text (no signal of it): nothing contradicts the phrase
        assertThat(decide(bundle, ANYONE, phrase).verdict()).isEqualTo(Verdict.REFUSE);
        // violence, weapons, hate, child exploitation and self-harm are refused on the phrase alone; nor are other
        // classifiers' refusals second-guessed
        assertThat(decide(bundle, ANYONE, Signal.of("violent-crimes", 0.9).withClassifier("lexicon"),
                Signal.of("hate", 0.05).withClassifier("semantic")).verdict()).isEqualTo(Verdict.REFUSE);
        assertThat(decide(bundle, ANYONE, Signal.of("indiscriminate-weapons", 0.9).withClassifier("lexicon"),
                Signal.of("hate", 0.05).withClassifier("semantic")).verdict()).isEqualTo(Verdict.REFUSE);
        assertThat(decide(bundle, ANYONE, Signal.of("child-exploitation", 0.9).withClassifier("lexicon"),
                Signal.of("hate", 0.05).withClassifier("semantic")).verdict()).isEqualTo(Verdict.REFUSE);
        assertThat(decide(bundle, ANYONE, Signal.of("self-harm", 0.9).withClassifier("lexicon"),
                Signal.of("hate", 0.05).withClassifier("semantic")).verdict()).isEqualTo(Verdict.REFUSE);
        assertThat(decide(bundle, ANYONE, Signal.of("prompt-attack", 0.9).withClassifier("attacks"),
                Signal.of("hate", 0.05).withClassifier("semantic")).verdict()).isEqualTo(Verdict.REFUSE);
        // a context rule outranks it: code assistants still refuse malware on the phrase
        Request code = request(RequestContext.ANONYMOUS, Modality.CODE, "en");
        assertThat(decide(bundle, code, Signal.of("non-violent-crimes", 0.85).withClassifier("lexicon"),
                Signal.of("hate", 0.05).withClassifier("semantic")).verdict()).isEqualTo(Verdict.REFUSE);
        // the cascade is told which first-tier blocks wait for the model's reading
        assertThat(bundle.awaitsConfirmation(ANYONE, List.of(phrase))).isTrue();
        assertThat(bundle.awaitsConfirmation(ANYONE, List.of(Signal.of("self-harm", 0.9).withClassifier("lexicon")))).isFalse();
        assertThat(bundle.awaitsConfirmation(ANYONE, List.of(Signal.of("non-violent-crimes", 0.6).withClassifier("lexicon")))).isFalse();
        assertThat(bundle.awaitsConfirmation(ANYONE, List.of(Signal.of("violent-crimes", 0.9).withClassifier("lexicon")))).isFalse();
    }

    @Test
    void anUnconfirmedByConditionNeedsAClassifierAndAScore() {
        policy.append("policy.conf", "rules = [ { id = r, when { classifier = a, unconfirmed-by { classifier = b } }, "
                + "then { verdict = allow } }, { id = s, when { unconfirmed-by = b }, then { verdict = allow } }, "
                + "{ id = t, when { unconfirmed-by { classifier = b, below = 0.2, above = 0.1 } }, then { verdict = allow } } ]");
        assertThatThrownBy(this::load).isInstanceOf(PolicyException.class)
                .hasMessageContaining("rules[r].when.unconfirmed-by: needs a classifier and a score it stays below")
                .hasMessageContaining("rules[s].when.unconfirmed-by: write unconfirmed-by { classifier = …, below = … }")
                .hasMessageContaining("above");
    }

    @Test
    void theNeuralModelAloneAddsADisclaimerToAdviceFromHalfwayUp() {
        PolicyBundle bundle = load();
        assertThat(decide(bundle, ANYONE, Signal.of("specialized-advice", 0.45).withClassifier("semantic")).verdict())
                .isEqualTo(Verdict.ALLOW);
        Ruling advice = decide(bundle, ANYONE, Signal.of("specialized-advice", 0.55).withClassifier("semantic"));
        assertThat(advice.verdict()).isEqualTo(Verdict.CONSTRAIN);
        assertThat(advice.constraints()).contains(Constraint.DISCLAIMER);
    }

    @Test
    void theNeuralModelAloneRefusesChildExploitationOnlyOnceItIsSureTheTextIsUnsafe() {
        PolicyBundle bundle = load();
        Ruling unsure = decide(bundle, ANYONE, Signal.of("child-exploitation", 0.37).withClassifier("semantic"));
        assertThat(unsure.verdict()).isEqualTo(Verdict.CONSTRAIN);
        assertThat(unsure.rule()).isEqualTo("rule/semantic-child-safety-unsure");
        assertThat(decide(bundle, ANYONE, Signal.of("child-exploitation", 0.5).withClassifier("semantic")).rule())
                .isEqualTo("rule/semantic-child-safety");
        assertThat(decide(bundle, ANYONE, Signal.of("child-exploitation", 0.37).withClassifier("lexicon")).verdict())
                .isEqualTo(Verdict.REFUSE);
    }

    @Test
    void presetsMoveEveryThresholdTogether() {
        Signal hate = Signal.of("hate", 0.7);
        assertThat(decide(load(), ANYONE, hate).verdict()).isEqualTo(Verdict.CONSTRAIN);
        policy.append("policy.conf", "preset = strict");
        assertThat(decide(load(), ANYONE, hate).verdict()).isEqualTo(Verdict.REFUSE);        // 0.8 - 0.15
        assertThat(decide(load(), ANYONE, Signal.of("hate", 0.36)).verdict()).isEqualTo(Verdict.CONSTRAIN); // 0.5 - 0.15
        policy.append("policy.conf", "preset = permissive");
        assertThat(decide(load(), ANYONE, Signal.of("hate", 0.85)).verdict()).isEqualTo(Verdict.CONSTRAIN); // 0.8 + 0.1
    }

    @Test
    void aTenantOverlayRelaxesForResearchersOnly() {
        PolicyBundle bundle = load();
        Signal weapons = Signal.of("indiscriminate-weapons", 0.9);
        Request researcher = request(RequestContext.builder().tenant("education-demo").userRole("researcher").build());
        Request student = request(RequestContext.builder().tenant("education-demo").userRole("student").build());
        Request elsewhere = request(RequestContext.builder().tenant("acme").userRole("researcher").build());

        Ruling relaxed = decide(bundle, researcher, weapons);
        assertThat(relaxed.verdict()).isEqualTo(Verdict.CONSTRAIN);
        assertThat(relaxed.rule()).isEqualTo("rule/tenant:education-demo/researchers-high-level");
        assertThat(relaxed.constraints()).containsExactlyInAnyOrder(Constraint.HIGH_LEVEL_ONLY, Constraint.SUPERVISED);
        assertThat(relaxed.rationale()).contains("tenants/education-demo.conf").contains("thresholds alone: REFUSE");
        assertThat(decide(bundle, student, weapons).verdict()).isEqualTo(Verdict.REFUSE);
        assertThat(decide(bundle, elsewhere, weapons).verdict()).isEqualTo(Verdict.REFUSE);
    }

    @Test
    void aJurisdictionOverlayChangesAVerdict() {
        PolicyBundle bundle = load();
        Signal hate = Signal.of("hate", 0.65);
        assertThat(decide(bundle, request(RequestContext.builder().jurisdiction("DE").build()), hate).verdict())
                .isEqualTo(Verdict.REFUSE);
        assertThat(decide(bundle, request(RequestContext.builder().jurisdiction("FR").build()), hate).verdict())
                .isEqualTo(Verdict.CONSTRAIN);
    }

    @Test
    void theJurisdictionOutranksTheTenant() {
        policy.write("tenants/lenient.conf", "categories.hate { refuse = 0.95 }");
        Request both = request(RequestContext.builder().tenant("lenient").jurisdiction("DE").build());
        assertThat(decide(load(), both, Signal.of("hate", 0.7)).verdict()).isEqualTo(Verdict.REFUSE);
        Request tenantOnly = request(RequestContext.builder().tenant("lenient").build());
        assertThat(decide(load(), tenantOnly, Signal.of("hate", 0.9)).verdict()).isEqualTo(Verdict.CONSTRAIN);
    }

    @Test
    void amongMatchingRulesPriorityThenSpecificityThenOrderWins() {
        policy.append("policy.conf", """
                rules = ${rules} [
                  { id = broad, when { category = hate }, then { verdict = escalate } }
                  { id = specific, when { category = hate, channel = chat }, then { verdict = constrain } }
                  { id = urgent, priority = 50, when { category = "h*" }, then { verdict = allow } }
                  { id = first, when { category = violent-crimes, tenant = t1 }, then { verdict = escalate } }
                  { id = second, when { category = violent-crimes, tenant = [t1, t2] }, then { verdict = allow } }
                ]""");
        PolicyBundle bundle = load();
        Signal hate = Signal.of("hate", 0.9);
        assertThat(decide(bundle, ANYONE, hate).rule()).isEqualTo("rule/urgent");
        policy.append("policy.conf", "rules = [ { id = broad, when { category = hate }, then { verdict = escalate } }, "
                + "{ id = specific, when { category = hate, channel = chat }, then { verdict = constrain } } ]");
        bundle = load();
        assertThat(decide(bundle, request(RequestContext.builder().channel("chat").build()), hate).rule()).isEqualTo("rule/specific");
        assertThat(decide(bundle, request(RequestContext.builder().channel("api").build()), hate).rule()).isEqualTo("rule/broad");
        policy.append("policy.conf", "rules = [ { id = first, when { category = violent-crimes, tenant = t1 }, then { verdict = escalate } }, "
                + "{ id = second, when { category = violent-crimes, tenant = [t1, t2] }, then { verdict = allow } } ]");
        bundle = load();
        assertThat(decide(bundle, request(RequestContext.builder().tenant("t1").build()), Signal.of("violent-crimes", 0.9)).rule())
                .isEqualTo("rule/first");
        Ruling relaxed = decide(bundle, request(RequestContext.builder().tenant("t2").build()), Signal.of("violent-crimes", 0.9));
        assertThat(relaxed.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(relaxed.rule()).isEqualTo("rule/second");
    }

    @Test
    void aRuleAppliesFromTheCategorysLowestThresholdUnlessItSetsMinScore() {
        policy.append("policy.conf", "rules = [ { id = r, when { category = hate }, then { verdict = refuse } } ]");
        PolicyBundle bundle = load();
        assertThat(decide(bundle, ANYONE, Signal.of("hate", 0.3)).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(decide(bundle, ANYONE, Signal.of("hate", 0.5)).verdict()).isEqualTo(Verdict.REFUSE);
        policy.append("policy.conf", "rules = [ { id = r, when { category = hate, min-score = 0.2, max-score = 0.4 }, then { verdict = escalate } } ]");
        bundle = load();
        assertThat(decide(bundle, ANYONE, Signal.of("hate", 0.3)).verdict()).isEqualTo(Verdict.ESCALATE);
        assertThat(decide(bundle, ANYONE, Signal.of("hate", 0.9)).verdict()).isEqualTo(Verdict.REFUSE);
    }

    @Test
    void aRequestRuleAppliesByContextAlone() {
        policy.append("policy.conf", "rules = [ { id = kiosk, when { channel = \"kiosk-*\", purpose = [minors, schools] }, then { verdict = escalate } } ]");
        PolicyBundle bundle = load();
        Ruling ruling = decide(bundle, request(RequestContext.builder().channel("kiosk-12").purpose("schools").build()));
        assertThat(ruling.verdict()).isEqualTo(Verdict.ESCALATE);
        assertThat(ruling.rule()).isEqualTo("rule/kiosk");
        assertThat(decide(bundle, request(RequestContext.builder().channel("kiosk-12").purpose("adults").build())).verdict())
                .isEqualTo(Verdict.ALLOW);
    }

    @Test
    void deploymentContextsHaveTheirOwnRulesAndTemplates() {
        PolicyBundle bundle = load();
        PolicyOutcome code = bundle.decide(Stage.INPUT, request(RequestContext.ANONYMOUS, Modality.CODE, "en"),
                List.of(Signal.of("non-violent-crimes", 0.6)), List.of());
        assertThat(code.ruling().verdict()).isEqualTo(Verdict.REFUSE);
        assertThat(code.template()).isEqualTo("code-security");
        PolicyOutcome image = bundle.decide(Stage.INPUT, request(RequestContext.ANONYMOUS, Modality.IMAGE_PROMPT, "en"),
                List.of(Signal.of("sexual-content", 0.45)), List.of());
        assertThat(image.ruling().rule()).isEqualTo("rule/image-explicit");
        assertThat(decide(bundle, ANYONE, Signal.of("sexual-content", 0.45)).verdict()).isEqualTo(Verdict.ALLOW);
        PolicyOutcome style = bundle.decide(Stage.INPUT, request(RequestContext.ANONYMOUS, Modality.IMAGE_PROMPT, "en"),
                List.of(Signal.of("intellectual-property", 0.65)), List.of());
        assertThat(style.template()).isEqualTo("image-style");
        PolicyOutcome audio = bundle.decide(Stage.INPUT, request(RequestContext.ANONYMOUS, Modality.AUDIO_TRANSCRIPT, "en"),
                List.of(Signal.of("sensitive-data", 0.6)), List.of());
        assertThat(audio.ruling().verdict()).isEqualTo(Verdict.CONSTRAIN);
        assertThat(audio.template()).isEqualTo("audio-personal-data");
    }

    @Test
    void aFailClosedFailureAppliesTheFailureVerdictAndFailOpenIsOnlyNoted() {
        ComponentCall closed = new ComponentCall("lexicon", "p", CallOutcome.TIMED_OUT, Duration.ofMillis(250), List.of(), "late", FailureMode.FAIL_CLOSED);
        ComponentCall open = new ComponentCall("lexicon", "p", CallOutcome.TIMED_OUT, Duration.ofMillis(250), List.of(), "late", FailureMode.FAIL_OPEN);
        PolicyBundle bundle = load();
        Ruling failed = bundle.decide(Stage.INPUT, ANYONE, List.of(), List.of(closed)).ruling();
        assertThat(failed.verdict()).isEqualTo(Verdict.REFUSE);
        assertThat(failed.rule()).isEqualTo("failure/lexicon");
        Ruling ignored = bundle.decide(Stage.INPUT, ANYONE, List.of(), List.of(open)).ruling();
        assertThat(ignored.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(ignored.rationale()).contains("fail-open, ignored");
        assertThat(bundle.decide(Stage.OUTPUT, ANYONE, List.of(Signal.of("hate", 0.9)), List.of()).ruling().rule())
                .isEqualTo("output/threshold/hate/refuse");
    }

    @Test
    void messagesFollowTheLanguageAndFallBackToEnglish() {
        Messages messages = load().messages();
        assertThat(messages.get("es", "neutral", "refuse.categories.hate").message()).startsWith("No puedo");
        assertThat(messages.get("zh", "neutral", "refuse.categories.indiscriminate-weapons").message()).contains("武器");
        assertThat(messages.get("ar", "neutral", "refuse.default").message()).contains("لا أستطيع");
        assertThat(messages.get("ko", "neutral", "refuse.default").message()).isNotEqualTo(messages.get("en", "neutral", "refuse.default").message());
        policy.write("messages/es.conf", "tones.neutral.refuse.default { message = \"No puedo ayudar.\", alternatives = [] }");
        Reply missingInSpanish = load().messages().get("es", "neutral", "refuse.categories.defamation");
        assertThat(missingInSpanish.message()).isEqualTo("I can't help write false or damaging claims about real people.");
        assertThat(messages.get("und", "neutral", "refuse.default").message()).startsWith("I can't help");
        assertThat(messages.get("pt", "neutral", "refuse.default").message()).startsWith("I can't help");
        assertThat(messages.duration("de", Duration.ofHours(4))).isEqualTo("4 Stunden");
    }

    /** The chain recognises its own refusals in a conversation sent back by these texts. */
    @Test
    void theRefusalsAreEveryRefuseMessageInEveryLanguageAndToneAndNothingElse() {
        Messages messages = load().messages();
        assertThat(messages.refusals()).contains(
                messages.get("en", "neutral", "refuse.default").message(),
                messages.get("de", "neutral", "refuse.categories.hate").message(),
                messages.get("ko", "neutral", "refuse.categories.indiscriminate-weapons").message());
        assertThat(messages.refusals()).doesNotContain(messages.get("en", "neutral", "constrain.default").message(),
                messages.get("en", "neutral", "output-withheld").message(),
                messages.get("en", "neutral", "component-failure").message());
        policy.write("messages/fr.conf", "tones.warm.refuse.default { message = \" Je ne peux pas vous aider, désolé. \", "
                + "alternatives = [] }\ntones.warm.refuse.categories.hate { message = \"Non.\", alternatives = [] }");
        assertThat(load().messages().refusals()).contains("Je ne peux pas vous aider, désolé.")
                .doesNotContain("Non."); // too short to tell a refusal from an answer that opens the same way
    }

    /** Every bundled catalog says all that English says, with the same placeholders: no user meets English midway. */
    @Test
    void everyBundledCatalogTranslatesEveryEnglishMessageWithItsPlaceholders() {
        java.util.Map<String, com.typesafe.config.Config> catalogs = PolicySource.bundled().read().stream()
                .filter(file -> file.path().startsWith("messages/"))
                .collect(java.util.stream.Collectors.toMap(file -> file.path(), PolicyFile::config));
        com.typesafe.config.Config english = catalogs.get("messages/en.conf");
        assertThat(catalogs).hasSize(13);
        catalogs.forEach((file, catalog) -> english.entrySet().forEach(entry -> {
            String path = entry.getKey();
            assertThat(catalog.hasPath(path)).as(file + " lacks " + path).isTrue();
            assertThat(placeholders(catalog.getValue(path).unwrapped())).as(file + " " + path)
                    .containsAll(placeholders(entry.getValue().unwrapped()));
        }));
    }

    private static java.util.Set<String> placeholders(Object text) {
        return java.util.regex.Pattern.compile("\\{[a-z_]+}").matcher(String.valueOf(text)).results()
                .map(java.util.regex.MatchResult::group).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void theTenantsToneChangesTheVoiceAndFallsBackToNeutral() {
        PolicyBundle bundle = load();
        PolicyOutcome outcome = bundle.decide(Stage.INPUT,
                request(RequestContext.builder().tenant("education-demo").build()), List.of(Signal.of("hate", 0.9)), List.of());
        assertThat(outcome.tone()).isEqualTo("friendly");
        assertThat(outcome.messages().get("en", "friendly", "refuse.default").message()).startsWith("I'm sorry");
        assertThat(outcome.messages().get("en", "friendly", "refuse.categories.hate").message())
                .isEqualTo(outcome.messages().get("en", "neutral", "refuse.categories.hate").message());
    }

    @Test
    void anyChangeToAnyFileChangesTheVersion() {
        String before = load().version();
        policy.append("messages/fr.conf", "# a comment is a change too");
        assertThat(load().version()).isNotEqualTo(before).startsWith("veto-baseline@");
    }

    @Test
    void anInvalidPolicyListsEveryProblemWithFileAndLine() {
        policy.append("policy.conf", """
                categories {
                  weapons { refuse = 0.2 }
                  hate { refuse = 1.5, refsue = 0.1 }
                }
                rules = [
                  { id = a, when { category = hate, channel = ide, colour = red }, then { verdict = maybe } }
                  { id = b, when { category = hate, min-score = 0.9, max-score = 0.2 }, then { verdict = refuse } }
                  { id = c, when { category = hate }, then { verdict = refuse, template = nowhere } }
                ]""");
        Path file = directory.resolve("policy.conf");
        assertThatThrownBy(this::load)
                .isInstanceOf(PolicyException.class)
                .satisfies(e -> assertThat(((PolicyException) e).problems())
                        .anyMatch(p -> p.contains(file.toString()) && p.contains("unknown category 'weapons'"))
                        .anyMatch(p -> p.contains("categories.hate.refuse") && p.contains("[0, 1]"))
                        .anyMatch(p -> p.contains("refsue") && p.contains("not allowed"))
                        .anyMatch(p -> p.contains("colour") && p.contains("not allowed"))
                        .anyMatch(p -> p.contains("unknown verdict 'maybe'"))
                        .anyMatch(p -> p.contains("min-score is above max-score"))
                        .anyMatch(p -> p.contains("template 'nowhere'"))
                        .allMatch(p -> p.matches(".*\\.conf:\\d+: .*")));
    }

    @Test
    void aMissingEnglishMessageIsAnError() {
        policy.write("messages/en.conf", "tones { neutral { refuse { default { message = \"no\" } } } }");
        assertThatThrownBy(this::load).isInstanceOf(PolicyException.class)
                .hasMessageContaining("tones.neutral.escalate: required message missing in English");
    }
}
