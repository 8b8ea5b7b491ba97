package dev.veto.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import dev.veto.core.install.PluginDirectory;
import dev.veto.core.install.PluginFile;
import dev.veto.core.install.PluginFileException;
import dev.veto.core.install.PluginPins;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code veto plugins verify}: every plugin file's digest against the configured pins, without starting a
 * host or loading any plugin code — the same check start-up makes.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check every plugin file against the pins (veto.plugin-host.integrity) without loading it.",
                "Exits with 1 when a file does not match its pin, is unpinned where pins are required, or is unreadable."})
final class PluginVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HostOptions host = new HostOptions();

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Option(names = "--print-pins", description = {"Print the configuration that pins every readable file as it is now.",
            "Exits with 1 only when a file is unreadable."})
    boolean printPins;

    /** One file's verdict. */
    private record Row(Path file, String id, String version, String sha256, String status, String problem) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Config config = host.hostConfig();
        PluginPins pins = PluginPins.from(config);
        PluginDirectory folder = new PluginDirectory(host.pluginsFolder(config));
        List<Row> rows = folder.pluginFiles().stream().map(file -> verify(file, pins)).toList();
        if (printPins) {
            out.println("veto.plugin-host.integrity.pins {");
            rows.stream().filter(r -> !r.status().equals("UNREADABLE"))
                    .forEach(r -> out.printf("  \"%s\" = \"sha256:%s\"  # %s%n", r.id(), r.sha256(), r.file().getFileName()));
            out.println("}");
        } else if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode array = mapper.createArrayNode();
            for (Row row : rows) {
                ObjectNode node = array.addObject();
                node.put("id", row.id());
                node.put("version", row.version());
                node.put("file", row.file().toString());
                node.put("sha256", row.sha256());
                node.put("integrity", row.status());
                node.put("problem", row.problem());
            }
            out.println(mapper.writeValueAsString(array));
        } else {
            print(rows, pins, folder.directory(), out);
        }
        out.flush();
        if (printPins) { // pinning is what is being prepared: only an unreadable file is a failure here
            return rows.stream().anyMatch(r -> r.status().equals("UNREADABLE")) ? VetoCommand.FAILURE : 0;
        }
        return rows.stream().allMatch(r -> r.status().equals("pinned") || r.status().equals("unpinned"))
                ? 0 : VetoCommand.FAILURE;
    }

    private static Row verify(Path file, PluginPins pins) {
        try {
            PluginFile plugin = PluginFile.read(file);
            String status = pins.status(plugin.id(), plugin.sha256());
            String problem = pins.refusal(plugin.id(), plugin.sha256()).orElse("");
            return new Row(file, plugin.id(), plugin.version(), plugin.sha256(), status, problem);
        } catch (PluginFileException e) {
            return new Row(file, file.getFileName().toString(), "", "", "UNREADABLE", e.getMessage());
        }
    }

    private static void print(List<Row> rows, PluginPins pins, Path folder, PrintWriter out) {
        if (rows.isEmpty()) {
            out.printf("No plugins found in %s.%n", folder);
            return;
        }
        String format = "%-24s %-16s %-10s %-64s %s%n";
        out.printf(format, "ID", "VERSION", "INTEGRITY", "SHA-256", "FILE");
        for (Row row : rows) {
            out.printf(format, row.id(), row.version(), row.status(), row.sha256(), row.file().getFileName());
            if (!row.problem().isEmpty()) {
                out.printf("    problem: %s%n", row.problem());
            }
        }
        out.printf("%nPins are %s. `veto plugins verify --print-pins` prints the configuration pinning these files.%n",
                pins.required() ? "required: an unpinned plugin is refused" : "optional: only pinned plugins are checked");
    }
}
