package com.acme.veto.secrets;

import dev.veto.spi.classifier.ClassifierFactory;
import dev.veto.testkit.Capability;
import dev.veto.testkit.ClassifierContract;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Veto's contract for classifiers: the same checks every bundled plugin passes. */
class SecretsClassifierContractTest extends ClassifierContract {

    @Override
    protected ClassifierFactory factory() {
        return new SecretsClassifierFactory();
    }

    @Override
    protected Set<Capability> capabilities() {
        return EnumSet.of(Capability.DETERMINISTIC);
    }

    @Override
    protected List<String> sampleTexts() {
        return Stream.concat(super.sampleTexts().stream(), Stream.of(
                "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
                "export GITHUB_TOKEN=ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
                "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----",
                "api_key: \"Zx81-kq0Pw93LmNa7Rt5Vb2Yc\"")).toList();
    }
}
