package dev.veto.cli;

import com.typesafe.config.Config;
import dev.veto.core.install.PluginDirectory;
import dev.veto.core.install.PluginFile;
import dev.veto.core.install.PluginFileException;
import dev.veto.core.install.PluginPins;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veto plugins install FILE}: checks a plugin file and copies it into the plugins folder. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Check a plugin file (descriptor, SPI range) and copy it into the plugins folder atomically.",
                "Prints its SHA-256 and the configuration line that pins it."})
final class PluginInstallCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HostOptions host = new HostOptions();

    @Parameters(paramLabel = "FILE", description = "The plugin .zip or .jar.")
    Path file;

    @Option(names = "--replace", description = "Replace an installed plugin with the same id.")
    boolean replace;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Config config = host.hostConfig();
        PluginDirectory folder = new PluginDirectory(host.pluginsFolder(config));
        PluginFile installed;
        try {
            installed = folder.install(file, replace);
        } catch (PluginFileException e) {
            throw new UsageException("cannot install " + e.getMessage());
        }
        out.printf("Installed %s %s as %s%n", installed.id(), installed.version(), installed.file());
        out.printf("sha256: %s%n", installed.sha256());
        PluginPins pins = PluginPins.from(config);
        String status = pins.status(installed.id(), installed.sha256());
        if (!status.equals("pinned")) {
            out.printf("%s: to pin it, add to the configuration:%n  %s%n",
                    pins.required() || status.equals("MISMATCH")
                            ? "It will NOT load until pinned (" + status + ")" : "Not pinned",
                    PluginPins.pinLine(installed.id(), installed.sha256()));
        }
        out.println("Restart the host (veto serve) to load it.");
        out.flush();
        return 0;
    }
}
