package dev.veto.cli;

import dev.veto.server.json.DecisionJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.veto.core.PluginInfo;
import dev.veto.core.Veto;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code veto plugins}: every plugin file with its version, state, extensions and problems; its
 * subcommands manage the plugins folder.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"List the plugins in the plugins folder: version, state, the factories they provide, and any problem.",
                "Exits with 1 when any plugin has a problem, so scripts and health checks can tell.",
                "The subcommands manage the folder; a running server picks changes up when restarted."},
        subcommands = {PluginInstallCommand.class, PluginVerifyCommand.class, PluginEnableCommand.class,
                PluginDisableCommand.class})
final class PluginsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HostOptions host = new HostOptions();

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Veto veto = host.start()) {
            List<PluginInfo> plugins = veto.plugins();
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                DecisionJson format = new DecisionJson(mapper);
                ArrayNode array = mapper.createArrayNode();
                plugins.forEach(p -> array.add(format.plugin(p)));
                out.println(mapper.writeValueAsString(array));
            } else {
                print(plugins, veto.components(), out);
            }
            out.flush();
            return plugins.stream().anyMatch(p -> !p.problems().isEmpty()) ? VetoCommand.FAILURE : 0;
        }
    }

    private static void print(List<PluginInfo> plugins, List<String> components, PrintWriter out) {
        if (plugins.isEmpty()) {
            out.println("No plugins found.");
        }
        String format = "%-24s %-16s %-13s %-40s %s%n";
        if (!plugins.isEmpty()) {
            out.printf(format, "ID", "VERSION", "STATE", "FILE", "EXTENSIONS");
        }
        for (PluginInfo plugin : plugins) {
            out.printf(format, plugin.id(), plugin.version(), plugin.state(), plugin.file().getFileName(),
                    String.join(", ", plugin.factories()));
            plugin.problems().forEach(problem -> out.printf("    problem: %s%n", problem));
        }
        if (!components.isEmpty()) {
            out.printf("%nComponents:%n");
            components.forEach(c -> out.printf("  %s%n", c));
        }
    }
}
