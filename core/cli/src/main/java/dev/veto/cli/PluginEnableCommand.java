package dev.veto.cli;

import com.typesafe.config.Config;
import dev.veto.core.install.PluginDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veto plugins enable ID}: takes a plugin off the operator's disabled list. */
@Command(name = "enable", mixinStandardHelpOptions = true,
        description = "Start a disabled plugin again (removes it from <plugins>/disabled.txt).")
final class PluginEnableCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HostOptions host = new HostOptions();

    @Parameters(paramLabel = "ID", description = "The plugin id.")
    String id;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Config config = host.hostConfig();
        PluginDirectory folder = new PluginDirectory(host.pluginsFolder(config));
        boolean changed = folder.enable(id);
        if (config.getStringList("veto.plugin-host.disabled").contains(id)) {
            throw new UsageException("plugin '" + id + "' is disabled in the configuration ("
                    + config.getValue("veto.plugin-host.disabled").origin().description()
                    + "); remove it from veto.plugin-host.disabled there");
        }
        out.println(changed ? "Enabled " + id + "; restart the host to start it." : id + " was not disabled.");
        out.flush();
        return 0;
    }
}
