package dev.veto.cli;

import dev.veto.core.Veto;
import dev.veto.core.policy.PolicyLinter;
import dev.veto.core.policy.PolicySource;
import dev.veto.core.policy.PolicyTestSuite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veto policy}: lint a policy, run its test cases — for the CI of policy repositories. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Check a policy before it reaches users.",
        subcommands = {PolicyCommand.Lint.class, PolicyCommand.Test.class})
final class PolicyCommand {

    /** {@code veto policy lint}. */
    @Command(name = "lint", mixinStandardHelpOptions = true,
            description = {"Validate a policy directory: errors with file and line, rules that can never match or never win,",
                    "translations that fall back to English. Exits with 1 on errors (and on warnings with --strict)."})
    static final class Lint implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
                description = "The policy directory. Default: <home>/conf/policy.")
        Path directory;

        @Option(names = "--home", paramLabel = "DIR", description = "Installation directory. Default: $VETO_HOME, else the working directory.")
        Path home;

        @Option(names = "--strict", description = "Fail on warnings too.")
        boolean strict;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path root = directory != null ? directory : HostOptions.resolveHome(home).resolve("conf/policy");
            List<PolicyLinter.Finding> findings = PolicyLinter.lint(PolicySource.directory(root));
            findings.forEach(f -> out.printf("%-7s %s%n", f.severity(), f.message()));
            long errors = findings.stream().filter(f -> f.severity() == PolicyLinter.Severity.ERROR).count();
            long warnings = findings.stream().filter(f -> f.severity() == PolicyLinter.Severity.WARNING).count();
            out.printf("%s: %d error(s), %d warning(s)%n", root, errors, warnings);
            out.flush();
            return errors > 0 || (strict && warnings > 0) ? VetoCommand.FAILURE : 0;
        }
    }

    /** {@code veto policy test}. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Run policy test cases through the installation (its plugins and policy) and show every failure.",
                    "Exits with 1 when a case fails."})
    static final class Test implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        HostOptions host = new HostOptions();

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Test files (HOCON: cases = [ … ]).")
        List<Path> files;

        @Option(names = "--policy", paramLabel = "DIR", description = "Test this policy directory instead of the installation's.")
        Path policy;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<PolicyTestSuite> suites = files.stream().map(PolicyTestSuite::read).toList();
            if (policy != null) {
                host.settings.put("veto.policy.directory", policy.toAbsolutePath().toString());
            }
            host.settings.put("veto.policy.watch", "false");
            host.settings.put("veto.cache.enabled", "false");
            int passed = 0;
            int failed = 0;
            try (Veto veto = host.start()) {
                for (PolicyTestSuite suite : suites) {
                    for (PolicyTestSuite.Result result : suite.run(veto)) {
                        if (result.passed()) {
                            passed++;
                            out.printf("PASS  %s%n", result.name());
                        } else {
                            failed++;
                            out.printf("FAIL  %s (%s)%n", result.name(), result.where());
                            out.printf("      expected: %s%n", result.expected());
                            out.printf("      actual:   %s%n", result.actual());
                            out.printf("      reason:   %s%n", result.reason());
                        }
                    }
                }
                out.printf("%d case(s): %d passed, %d failed (policy %s)%n", passed + failed, passed, failed, veto.policyVersion());
            }
            out.flush();
            return failed > 0 ? VetoCommand.FAILURE : 0;
        }
    }
}
