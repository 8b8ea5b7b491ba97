package dev.veto.cli;

import com.typesafe.config.Config;
import dev.veto.core.install.PluginDirectory;
import dev.veto.core.install.PluginFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veto plugins disable ID}: keeps a plugin's file but stops the host from starting it. */
@Command(name = "disable", mixinStandardHelpOptions = true,
        description = "Keep a plugin's file but do not start it (adds it to <plugins>/disabled.txt).")
final class PluginDisableCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HostOptions host = new HostOptions();

    @Parameters(paramLabel = "ID", description = "The plugin id.")
    String id;

    @Override
    public Integer call() throws IOException, PluginFileException {
        PrintWriter out = spec.commandLine().getOut();
        Config config = host.hostConfig();
        PluginDirectory folder = new PluginDirectory(host.pluginsFolder(config));
        if (folder.find(id).isEmpty()) {
            throw new UsageException("no plugin with id '" + id + "' is installed in " + folder.directory()
                    + " (veto plugins lists them)");
        }
        out.println(folder.disable(id) ? "Disabled " + id + "; restart the host to stop it." : id + " was already disabled.");
        out.flush();
        return 0;
    }
}
