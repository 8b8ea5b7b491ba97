package dev.veto.cli;

import dev.veto.spi.SpiVersion;
import picocli.CommandLine;

/** Prints the product version (from the jar manifest) and the SPI version plugins must be built for. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VetoCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "veto " + (version == null ? "(development build)" : version),
            "plugin SPI " + SpiVersion.CURRENT
        };
    }
}
