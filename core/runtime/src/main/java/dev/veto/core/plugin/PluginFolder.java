package dev.veto.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import dev.veto.core.install.PluginDirectory;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.pf4j.PluginRepository;

/**
 * The plugins folder: every {@code *.zip} and {@code *.jar} in it is a plugin, in name order.
 *
 * <p>Zip plugins are expanded into a separate work folder rather than beside the zip, so the installation's
 * {@code plugins/} folder may be read-only and never fills with stale copies. Expansion refuses entries that
 * would land outside the target folder.
 */
final class PluginFolder implements PluginRepository {

    private final Path directory;
    private final Path workDirectory;

    PluginFolder(Path directory, Path workDirectory) {
        this.directory = directory;
        this.workDirectory = workDirectory;
    }

    static boolean isZip(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    static boolean isJar(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar");
    }

    @Override
    public List<Path> getPluginPaths() {
        try {
            return new PluginDirectory(directory).pluginFiles(); // the same listing `veto plugins verify` reads
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugins folder " + directory, e);
        }
    }

    @Override
    public boolean deletePluginPath(Path pluginPath) {
        try {
            if (isZip(pluginPath)) {
                deleteRecursively(expandedPath(pluginPath));
            }
            return Files.deleteIfExists(pluginPath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete plugin " + pluginPath, e);
        }
    }

    /** Written last into a complete expansion: which zip (size and time) it was expanded from. */
    private static final String MARKER = ".veto-expanded-from";

    /**
     * Returns the path PF4J should load: the jar itself, or the zip expanded into the work folder. The zip
     * is expanded again whenever it differs from the one the expansion was made from (newer or older —
     * a rollback counts), and an expansion interrupted half-way is never used: it is made in a temporary
     * folder and moved into place only when complete.
     */
    Path expand(Path pluginPath) throws IOException {
        return expand(pluginPath, null);
    }

    /**
     * Expands a zip whose digest was verified: the expansion is made afresh from this very file (an earlier
     * expansion on disk is never trusted, as it may have been changed after it was made).
     */
    Path expand(Path pluginPath, String verifiedDigest) throws IOException {
        if (!isZip(pluginPath)) {
            return pluginPath;
        }
        Path target = expandedPath(pluginPath);
        String stamp = verifiedDigest != null ? "sha256:" + verifiedDigest
                : Files.size(pluginPath) + " " + Files.getLastModifiedTime(pluginPath).toMillis();
        Path marker = target.resolve(MARKER);
        if (verifiedDigest == null && Files.isRegularFile(marker) && Files.readString(marker).equals(stamp)) {
            return target;
        }
        Path temporary = target.resolveSibling(target.getFileName() + ".partial");
        deleteRecursively(temporary);
        extract(pluginPath, temporary);
        Files.writeString(temporary.resolve(MARKER), stamp);
        deleteRecursively(target);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static void extract(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            if (archive.size() == 0) {
                throw new ZipException("the archive is empty");
            }
            Files.createDirectories(root);
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path destination = root.resolve(entry.getName()).normalize();
                if (!destination.startsWith(root)) {
                    throw new ZipException("entry '" + entry.getName() + "' would be written outside the plugin folder");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            deleteRecursively(target);
            throw e;
        }
    }

    /**
     * A private copy of a plugin file, made before its digest is taken: what is verified and what is then
     * expanded or loaded are the same bytes, whatever happens to the file in the plugins folder meanwhile.
     */
    Path verifiedCopy(Path pluginPath) throws IOException {
        Path copies = Files.createDirectories(workDirectory.resolve(".verified"));
        Path copy = copies.resolve(pluginPath.getFileName().toString());
        Files.copy(pluginPath, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    private Path expandedPath(Path zip) {
        String name = zip.getFileName().toString();
        return workDirectory.resolve(name.substring(0, name.length() - ".zip".length()));
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
