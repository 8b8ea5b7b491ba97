package dev.veto.cli;

import dev.veto.core.DecisionNotRecordedException;
import dev.veto.core.InvalidRequestException;
import dev.veto.core.VetoStartupException;
import dev.veto.core.config.VetoConfigException;
import dev.veto.core.policy.PolicyException;
import dev.veto.store.StoreException;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code veto} command: the refusal runtime from the command line.
 *
 * <p>Exit codes: 0 success, 1 the host could not start or a request failed, 2 bad usage or input.
 */
@Command(name = "veto",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Veto decides when an AI system declines, redirects or escalates a request, and says so well.",
        subcommands = {CheckCommand.class, EvalCommand.class, ServeCommand.class, AuditCommand.class, PluginsCommand.class, PolicyCommand.class, CommandLine.HelpCommand.class})
public final class VetoCommand {

    /** Exit code when the host cannot start or a request fails. */
    static final int FAILURE = 1;
    /** Exit code for bad usage or bad input. */
    static final int USAGE = 2;

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line with the given streams, for tests and embedding.
     *
     * @param args the arguments
     * @param out  standard output
     * @param err  standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new VetoCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof VetoConfigException || e instanceof VetoStartupException || e instanceof PolicyException
                    || e instanceof StoreException || e instanceof DecisionNotRecordedException) {
                err.println("veto: " + e.getMessage());
                return FAILURE;
            }
            if (e instanceof InvalidRequestException || e instanceof UsageException) {
                err.println("veto: " + e.getMessage());
                return USAGE;
            }
            LoggerFactory.getLogger("veto.cli").error("{} failed", String.join(" ", args), e);
            err.println("veto: " + e + " (details in the log)");
            return FAILURE;
        });
        return commandLine.execute(args);
    }
}
