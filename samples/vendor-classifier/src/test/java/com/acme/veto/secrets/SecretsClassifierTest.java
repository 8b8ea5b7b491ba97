package com.acme.veto.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.veto.spi.classifier.ClassificationInput;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.signal.Signal;
import dev.veto.testkit.Requests;
import dev.veto.testkit.TestComponentContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsClassifierTest {

    @TempDir
    Path data;

    private List<Signal> classify(String text) {
        return classify(text, Map.of());
    }

    private List<Signal> classify(String text, Map<String, Object> settings) {
        SecretsClassifier classifier = (SecretsClassifier) new SecretsClassifierFactory().create(
                TestComponentContext.of(SecretsClassifierFactory.class, ConfigFactory.parseMap(settings), data));
        return classifier.classify(new ClassificationInput(Stage.INPUT, text, "en", Requests.of(text)));
    }

    @Test
    void aCloudKeyIsSensitiveDataWithItsSpanAndKindButNotItsValue() {
        String text = "why does boto fail with key AKIAIOSFODNN7EXAMPLE?";
        Signal signal = classify(text).get(0);
        assertEquals("sensitive-data", signal.category());
        assertEquals(0.95, signal.score());
        assertEquals("AKIAIOSFODNN7EXAMPLE", text.substring(signal.spans().get(0).start(), signal.spans().get(0).end()));
        assertEquals(List.of("aws-access-key"), signal.evidence());
        assertTrue(signal.evidence().stream().noneMatch(e -> e.contains("AKIA")), "evidence must not repeat the secret");
    }

    @Test
    void assignedValuesCountOnlyWhenTheyLookRandom() {
        assertEquals(List.of(), classify("password = changeme12345"));
        assertEquals(List.of(), classify("How do I rotate an API key in AWS?"));
        Signal signal = classify("API_KEY=\"q8Zr3LkP0vW9xYt2NbM4\"").get(0);
        assertEquals(0.75, signal.score());
        assertEquals(List.of("assigned-secret"), signal.evidence());
    }

    @Test
    void severalSecretsAreOneSignalWithOneSpanEach() {
        Signal signal = classify("key AKIAIOSFODNN7EXAMPLE and -----BEGIN RSA PRIVATE KEY----- here").get(0);
        assertEquals(2, signal.spans().size());
        assertEquals(List.of("aws-access-key", "private-key"), signal.evidence());
    }

    @Test
    void detectorsCanBeChosenAndAWrongOneIsNamed() {
        assertEquals(List.of(), classify("AKIAIOSFODNN7EXAMPLE", Map.of("detectors", List.of("private-key"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> classify("x", Map.of("detectors", List.of("aws-key"))));
        assertTrue(e.getMessage().contains("unknown detector 'aws-key'"));
    }
}
