package dev.veto.plugins.pii;

import dev.veto.spi.classifier.ClassifierFactory;
import dev.veto.testkit.Capability;
import dev.veto.testkit.ClassifierContract;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The PII classifier keeps the contract every classifier plugin keeps. */
class PiiClassifierContractTest extends ClassifierContract {

    @Override
    protected ClassifierFactory factory() {
        return new PiiClassifierFactory();
    }

    @Override
    protected Set<Capability> capabilities() {
        return EnumSet.of(Capability.DETERMINISTIC);
    }

    @Override
    protected List<String> sampleTexts() {
        return Stream.concat(super.sampleTexts().stream(), Stream.of(
                "Call +44 20 7031 3000 or mail ops@example.org", "IBAN DE89 3704 0044 0532 0130 00",
                "ssh key: -----BEGIN OPENSSH PRIVATE KEY-----", "身份证 11010519491231002X")).toList();
    }
}
