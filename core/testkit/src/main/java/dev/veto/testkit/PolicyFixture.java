package dev.veto.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A writable copy of Veto's bundled default policy in a directory, for tests that change policy files —
 * a platform team's policy tests, or a plugin's test of how the policy treats its signals. Point the host
 * at it with {@code veto.policy.directory} (or put it under {@code <home>/conf/policy}).
 */
public final class PolicyFixture {

    private final Path root;

    private PolicyFixture(Path root) {
        this.root = root;
    }

    /**
     * Copies the bundled policy into {@code directory}.
     *
     * @param directory an empty directory
     * @return the fixture
     */
    public static PolicyFixture copyBundled(Path directory) {
        ClassLoader loader = PolicyFixture.class.getClassLoader();
        try (InputStream index = loader.getResourceAsStream("veto-policy/index.txt")) {
            if (index == null) {
                throw new IllegalStateException("the bundled policy is not on the test path: add dev.veto:veto-core");
            }
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                String file = line.strip();
                if (file.isEmpty() || file.startsWith("#")) {
                    continue;
                }
                try (InputStream in = loader.getResourceAsStream("veto-policy/" + file)) {
                    Path target = directory.resolve(file);
                    Files.createDirectories(target.getParent());
                    Files.write(target, in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PolicyFixture(directory);
    }

    /** @return the policy directory */
    public Path root() {
        return root;
    }

    /**
     * Writes (or replaces) a policy file.
     *
     * @param path    the file, relative to the policy directory
     * @param content its HOCON
     * @return this fixture
     */
    public PolicyFixture write(String path, String content) {
        try {
            Path target = root.resolve(path);
            Files.createDirectories(target.getParent());
            Files.writeString(target, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Appends HOCON to a policy file (later keys override earlier ones).
     *
     * @param path    the file, relative to the policy directory
     * @param content the HOCON to append
     * @return this fixture
     */
    public PolicyFixture append(String path, String content) {
        try {
            Files.writeString(root.resolve(path), "\n" + content + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
