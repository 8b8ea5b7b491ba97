package dev.veto.core.policy;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where policy files come from: a directory of the installation ({@code conf/policy}), or the default policy
 * bundled in the host, read from the class path through its {@code index.txt}.
 *
 * <p>Every {@code *.conf} file below the root belongs to the policy, except those under {@code tests/}
 * (policy test cases). Each file is resolved on its own: substitutions refer to the same file.
 */
public interface PolicySource {

    /**
     * Reads and parses every policy file.
     *
     * @return the files in path order
     * @throws PolicyException with one {@code file:line: problem} per malformed file
     */
    List<PolicyFile> read();

    /**
     * Where the files are, for messages.
     *
     * @return e.g. the directory's path
     */
    String describe();

    /**
     * The directory to watch for changes, if the policy lives in one.
     *
     * @return the directory
     */
    default Optional<Path> directory() {
        return Optional.empty();
    }

    /**
     * A policy directory.
     *
     * @param root the directory, e.g. {@code conf/policy}
     * @return the source
     */
    static PolicySource directory(Path root) {
        return new Directory(root.toAbsolutePath().normalize());
    }

    /**
     * The default policy bundled with the host.
     *
     * @return the source
     */
    static PolicySource bundled() {
        return new Bundled();
    }

    /** Files of a directory. */
    record Directory(Path root) implements PolicySource {

        @Override
        public List<PolicyFile> read() {
            if (!Files.isDirectory(root)) {
                throw new PolicyException(List.of(root + ": policy directory not found"));
            }
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(root)) {
                paths = walk.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().endsWith(".conf"))
                        .filter(p -> !root.relativize(p).toString().replace('\\', '/').startsWith("tests/"))
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted(Comparator.comparing(Path::toString))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read policy directory " + root, e);
            }
            List<PolicyFile> files = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Path path : paths) {
                String relative = root.relativize(path).toString().replace('\\', '/');
                try {
                    String content = Files.readString(path, StandardCharsets.UTF_8);
                    files.add(new PolicyFile(relative, content, ConfigFactory.parseFile(path.toFile(), OPTIONS).resolve()));
                } catch (ConfigException e) {
                    problems.add(PolicyException.describe(e));
                } catch (IOException e) {
                    problems.add(path + ": cannot be read: " + e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                throw new PolicyException(problems);
            }
            return files;
        }

        @Override
        public String describe() {
            return root.toString();
        }

        @Override
        public Optional<Path> directory() {
            return Optional.of(root);
        }
    }

    /** The default policy shipped in {@code veto-core} under {@code veto-policy/}. */
    final class Bundled implements PolicySource {

        private static final String ROOT = "veto-policy/";

        @Override
        public List<PolicyFile> read() {
            List<PolicyFile> files = new ArrayList<>();
            for (String relative : index()) {
                String content = resource(ROOT + relative);
                files.add(new PolicyFile(relative, content, ConfigFactory.parseString(content,
                        OPTIONS.setOriginDescription("bundled policy " + relative)).resolve()));
            }
            return files;
        }

        private static List<String> index() {
            return resource(ROOT + "index.txt").lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }

        private static String resource(String name) {
            URL url = PolicySource.class.getClassLoader().getResource(name);
            if (url == null) {
                throw new IllegalStateException("the bundled policy file " + name + " is missing from veto-core");
            }
            try (InputStream in = url.openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String describe() {
            return "the default policy bundled with Veto";
        }
    }

    /** HOCON, missing files are errors. */
    ConfigParseOptions OPTIONS = ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false);
}
