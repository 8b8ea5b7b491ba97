package dev.veto.plugins.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import dev.veto.spi.classifier.ClassificationInput;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.signal.Signal;
import dev.veto.testkit.Requests;
import dev.veto.testkit.TestComponentContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PiiClassifierTest {

    private static PiiClassifier classifier(Map<String, Object> settings) {
        try {
            return (PiiClassifier) new PiiClassifierFactory().create(TestComponentContext.of(PiiClassifierFactory.class,
                    ConfigFactory.parseMap(settings), Files.createDirectories(Path.of("target", "classifier-data"))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final PiiClassifier DEFAULT = classifier(Map.of());

    @ParameterizedTest(name = "{0} in \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "email|write to jane.doe+news@example.co.uk today|jane.doe+news@example.co.uk",
            "phone|call me on +1 650-253-0000 tonight|+1 650-253-0000",
            "phone|mein Büro: +49 30 30 88 67 20|+49 30 30 88 67 20",
            "payment-card|card 4111 1111 1111 1111 exp 12/29|4111 1111 1111 1111",
            "payment-card|amex 3782-822463-10005 please|3782-822463-10005",
            "iban|IBAN DE89 3704 0044 0532 0130 00 thanks|DE89 3704 0044 0532 0130 00",
            "iban|pay ES91 2100 0418 4502 0005 1332 2026 by Friday|ES91 2100 0418 4502 0005 1332",
            "national-id|my SSN is 536-22-1234|536-22-1234",
            "national-id|NI number AB 12 34 56 C on the form|AB 12 34 56 C",
            "national-id|DNI 12345678Z|12345678Z",
            "national-id|身份证号码 11010519491231002X 请核对|11010519491231002X",
            "national-id|주민등록번호 900101-1234567 입니다|900101-1234567",
            "ip-address|the server at 203.0.113.42 is down|203.0.113.42",
            "ip-address|My IP is 203.0.113.5.|203.0.113.5",
            "ip-address|ping 2001:db8::8a2e:370:7334 now|2001:db8::8a2e:370:7334",
            "secret|aws key AKIAIOSFODNN7EXAMPLE leaked|AKIAIOSFODNN7EXAMPLE",
            "secret|OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz0123456789AB|sk-proj-abcdefghijklmnopqrstuvwxyz0123456789AB",
            "secret|-----BEGIN RSA PRIVATE KEY----- MIIEow|-----BEGIN RSA PRIVATE KEY-----"})
    void findsEachKindWithItsExactSpan(String kind, String text, String value) {
        List<Finding> findings = DEFAULT.find(text);
        assertThat(findings).as(text).anySatisfy(f -> {
            assertThat(f.kind().id()).isEqualTo(kind);
            assertThat(text.substring(f.start(), f.end())).isEqualTo(value);
        });
    }

    @ParameterizedTest(name = "nothing in \"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "card 4111 1111 1111 1112 fails Luhn",
            "IBAN DE89 3704 0044 0532 0130 01 fails mod 97",
            "an SSN never starts 666: 666-12-3456",
            "DNI 12345678A has the wrong letter",
            "upgrade from version 1.2.3.4 to 2.0.1.5",
            "meet at 12:30:45 sharp",
            "order number 20231127154233 shipped on 2023-11-27",
            "write to me at the office, not by e-mail@",
            "999.10.10.10 is not an address",
            "How do I reset my password?"})
    void validatorsKeepLookAlikesOut(String text) {
        assertThat(DEFAULT.find(text)).as(text).isEmpty();
    }

    @Test
    void everySecretPrefixHoldsACueCharSoTheOneScanNeverSkipsASecret() {
        // the scan searches the prefixes only when it saw one of these chars: a prefix without one would
        // never be searched
        assertThat(Detectors.SECRET_PREFIXES).allSatisfy(prefix ->
                assertThat(prefix.chars().anyMatch(c -> Detectors.isSecretPrefixCue((char) c))).as(prefix).isTrue());
    }

    @Test
    void adversarialVolumesStayFast() {
        String many = "a@b.cc ".repeat(100_000);
        long start = System.nanoTime();
        assertThat(DEFAULT.find(many)).hasSize(100_000);
        assertThat(DEFAULT.find("x@a" + ".a".repeat(10_000))).isNotNull(); // no StackOverflowError
        assertThat(System.nanoTime() - start).as("linear-logarithmic, not quadratic").isLessThan(30_000_000_000L);
    }

    @Test
    void oneSignalPerCategoryWithSpansKindsAndTheHighestScoreButNoValues() throws Exception {
        String text = "Mail jane@example.com, card 4111 1111 1111 1111, key AKIAIOSFODNN7EXAMPLE";
        List<Signal> signals = DEFAULT.classify(new ClassificationInput(Stage.INPUT, text, "en", Requests.of(text)));
        assertThat(signals).extracting(Signal::category).containsExactly("privacy", "sensitive-data");
        Signal privacy = signals.get(0);
        assertThat(privacy.score()).isEqualTo(0.45);
        assertThat(privacy.evidence()).containsExactly("email");
        Signal sensitive = signals.get(1);
        assertThat(sensitive.score()).isEqualTo(0.95);
        assertThat(sensitive.evidence()).containsExactly("payment-card", "secret");
        assertThat(sensitive.spans()).hasSize(2);
        assertThat(signals).allSatisfy(s -> assertThat(String.join(" ", s.evidence())).doesNotContain("4111", "AKIA", "jane"));
    }

    @Test
    void kindsScoresAndRegionAreConfigurableAndCheckedAtCreation() {
        PiiClassifier onlyEmail = classifier(Map.of("kinds", List.of("email"), "scores.email", 0.9));
        assertThat(onlyEmail.scores()).containsOnlyKeys(PiiKind.EMAIL).containsEntry(PiiKind.EMAIL, 0.9);
        assertThat(onlyEmail.find("4111 1111 1111 1111")).isEmpty();
        assertThat(onlyEmail.categories()).containsExactly("privacy");
        assertThat(classifier(Map.of("phone.default-region", "DE")).find("ruf an: 030 30886720"))
                .singleElement().extracting(Finding::kind).isEqualTo(PiiKind.PHONE);
        assertThatThrownBy(() -> classifier(Map.of("kinds", List.of("passport")))).hasMessageContaining("unknown kind 'passport'");
        assertThatThrownBy(() -> classifier(Map.of("phone.default-region", "XX"))).hasMessageContaining("phone.default-region");
        assertThatThrownBy(() -> classifier(Map.of("scores.secret", 2))).hasMessageContaining("scores.secret");
    }
}
