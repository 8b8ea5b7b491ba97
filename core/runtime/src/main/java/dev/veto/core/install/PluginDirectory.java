package dev.veto.core.install;

import dev.veto.spi.SpiVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.pf4j.DefaultVersionManager;

/**
 * An installation's plugins folder as the operator manages it: which plugin files it holds, installing
 * one, and the plugins switched off in {@value #DISABLED_FILE} (PF4J's convention, one id a line; the
 * host also honours {@code veto.plugin-host.disabled} in the configuration).
 *
 * <p>Every change is atomic: a plugin file is copied under a hidden name (the host ignores files
 * starting with a dot) and moved into place only once complete and verified, and the disabled list is
 * rewritten the same way. A host started at any moment sees the old state or the new one, never half.
 */
public final class PluginDirectory {

    /** The operator's list of disabled plugin ids, inside the plugins folder. */
    public static final String DISABLED_FILE = "disabled.txt";

    private final Path directory;

    /**
     * Manages one folder.
     *
     * @param directory the plugins folder (created by {@link #install} when missing)
     */
    public PluginDirectory(Path directory) {
        this.directory = directory;
    }

    /**
     * The folder.
     *
     * @return the plugins folder
     */
    public Path directory() {
        return directory;
    }

    /**
     * The plugin files in the folder, in name order — the order the host loads them.
     *
     * @return the {@code .zip} and {@code .jar} files
     * @throws IOException if the folder cannot be listed
     */
    public List<Path> pluginFiles() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).filter(PluginFile::isPluginFileName)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    /**
     * Copies a plugin file into the folder after checking that it is a plugin this host can run.
     *
     * @param source  the plugin file to install
     * @param replace whether an installed plugin with the same id (or a file of the same name) is replaced
     * @return the installed file
     * @throws PluginFileException if the file is not a valid plugin, requires another SPI, is already
     *                             installed and {@code replace} is false, or cannot be copied
     */
    public PluginFile install(Path source, boolean replace) throws PluginFileException {
        PluginFile candidate = PluginFile.read(source);
        checkCompatible(candidate);
        Path target = directory.resolve(source.getFileName().toString());
        List<PluginFile> sameId = installed(candidate.id());
        if (!replace) {
            if (!sameId.isEmpty()) {
                PluginFile old = sameId.get(0);
                throw new PluginFileException(source, "plugin '" + candidate.id() + "' is already installed as "
                        + old.file().getFileName() + " (version " + old.version() + "); pass --replace to replace it");
            }
            if (Files.exists(target)) {
                throw new PluginFileException(source, "the plugins folder already has a file of this name; pass "
                        + "--replace to overwrite it");
            }
        }
        Path partial = null;
        try {
            Files.createDirectories(directory);
            // a name of its own: two installs of the same file at once must not write into one partial copy
            partial = Files.createTempFile(directory, "." + target.getFileName() + ".", ".partial");
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            String copied = PluginFile.sha256(partial);
            if (!copied.equals(candidate.sha256())) {
                throw new PluginFileException(source, "changed while it was being copied; try again");
            }
            move(partial, target);
            for (PluginFile old : sameId) {
                if (!old.file().getFileName().equals(target.getFileName())) {
                    Files.deleteIfExists(old.file());
                }
            }
        } catch (IOException e) {
            throw new PluginFileException(source, "cannot be copied into " + directory + ": " + e.getMessage(), e);
        } finally {
            try {
                if (partial != null) {
                    Files.deleteIfExists(partial);
                }
            } catch (IOException ignored) {
                // a leftover hidden file is ignored by the host and overwritten by the next install
            }
        }
        return new PluginFile(target, candidate.id(), candidate.version(), candidate.requires(), candidate.sha256());
    }

    /**
     * The plugin ids switched off in {@value #DISABLED_FILE}.
     *
     * @return the ids, in file order; empty when the file does not exist
     * @throws IOException if the file exists but cannot be read
     */
    public Set<String> disabled() throws IOException {
        Path file = directory.resolve(DISABLED_FILE);
        Set<String> ids = new LinkedHashSet<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String id = line.strip();
                if (!id.isEmpty() && !id.startsWith("#")) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /**
     * Switches a plugin off: the host keeps its file but does not start it.
     *
     * @param pluginId the plugin id
     * @return {@code false} if it was already disabled
     * @throws IOException if the list cannot be written
     */
    public boolean disable(String pluginId) throws IOException {
        Set<String> ids = disabled();
        if (!ids.add(pluginId)) {
            return false;
        }
        writeDisabled(ids);
        return true;
    }

    /**
     * Switches a plugin back on.
     *
     * @param pluginId the plugin id
     * @return {@code false} if it was not disabled in {@value #DISABLED_FILE}
     * @throws IOException if the list cannot be written
     */
    public boolean enable(String pluginId) throws IOException {
        Set<String> ids = disabled();
        if (!ids.remove(pluginId)) {
            return false;
        }
        writeDisabled(ids);
        return true;
    }

    /**
     * The installed file of a plugin id, if there is one.
     *
     * @param pluginId the plugin id
     * @return the file
     * @throws PluginFileException if the folder cannot be listed
     */
    public Optional<PluginFile> find(String pluginId) throws PluginFileException {
        return installed(pluginId).stream().findFirst();
    }

    private List<PluginFile> installed(String pluginId) throws PluginFileException {
        List<PluginFile> found = new ArrayList<>();
        List<Path> files;
        try {
            files = pluginFiles();
        } catch (IOException e) {
            throw new PluginFileException(directory, "cannot be listed: " + e.getMessage(), e);
        }
        for (Path file : files) {
            try {
                PluginFile installed = PluginFile.read(file);
                if (installed.id().equals(pluginId)) {
                    found.add(installed);
                }
            } catch (PluginFileException unreadable) {
                // an unreadable file has no id; it cannot be the one looked for
            }
        }
        return found;
    }

    private static void checkCompatible(PluginFile candidate) throws PluginFileException {
        String requires = candidate.requires();
        if (requires.isEmpty() || requires.equals("*")) {
            return; // the host loads it and reports the missing range; installing it is not refused
        }
        boolean compatible;
        try {
            compatible = new DefaultVersionManager().checkVersionConstraint(SpiVersion.CURRENT.toString(), requires);
        } catch (RuntimeException e) {
            throw new PluginFileException(candidate.file(), "has an unreadable Plugin-Requires '" + requires + "'", e);
        }
        if (!compatible) {
            throw new PluginFileException(candidate.file(), "requires SPI " + requires + " but this host implements SPI "
                    + SpiVersion.CURRENT + "; install a version built for SPI " + SpiVersion.CURRENT.major() + ".x");
        }
    }

    private void writeDisabled(Set<String> ids) throws IOException {
        Files.createDirectories(directory);
        StringBuilder text = new StringBuilder("# Plugins the host does not start (veto plugins disable|enable ID).\n");
        ids.forEach(id -> text.append(id).append('\n'));
        Path partial = Files.createTempFile(directory, "." + DISABLED_FILE + ".", ".partial");
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        move(partial, directory.resolve(DISABLED_FILE));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
