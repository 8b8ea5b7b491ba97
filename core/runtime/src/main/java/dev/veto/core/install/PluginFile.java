package dev.veto.core.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * One plugin file as found on disk, read without loading any of its classes: the descriptor PF4J will
 * read (a {@code MANIFEST.MF} with {@code Plugin-Id}, or a {@code plugin.properties}) and the SHA-256 of
 * the file's bytes.
 *
 * @param file     the {@code .zip} or {@code .jar}
 * @param id       its {@code Plugin-Id}
 * @param version  its {@code Plugin-Version}
 * @param requires its {@code Plugin-Requires} SPI range, or empty when it declares none
 * @param sha256   the file's SHA-256, lowercase hex
 */
public record PluginFile(Path file, String id, String version, String requires, String sha256) {

    /** Where PF4J looks for a descriptor: in a zip's {@code classes/} folder, or at a jar's root. */
    private static final String[] MANIFESTS = {"classes/META-INF/MANIFEST.MF", "META-INF/MANIFEST.MF"};
    private static final String[] PROPERTIES = {"plugin.properties", "classes/plugin.properties"};

    /** Validates the components. */
    public PluginFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        requires = Objects.requireNonNullElse(requires, "");
        Objects.requireNonNull(sha256, "sha256");
    }

    /**
     * Whether a path names a plugin file (a {@code .zip} or {@code .jar}).
     *
     * @param path a path
     * @return {@code true} for a plugin file name
     */
    public static boolean isPluginFileName(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".zip") || name.endsWith(".jar"));
    }

    /**
     * Reads a plugin file's descriptor and digest.
     *
     * @param file a {@code .zip} or {@code .jar}
     * @return what the file declares
     * @throws PluginFileException if the file is missing, not an archive, or has no valid descriptor
     */
    public static PluginFile read(Path file) throws PluginFileException {
        if (!Files.isRegularFile(file)) {
            throw new PluginFileException(file, "no such file");
        }
        if (!isPluginFileName(file)) {
            throw new PluginFileException(file, "a plugin file is a .zip or .jar");
        }
        String digest = sha256(file);
        try (ZipFile archive = new ZipFile(file.toFile())) {
            // the order PF4J reads descriptors in: plugin.properties first, then the manifest
            for (String name : PROPERTIES) {
                ZipEntry entry = archive.getEntry(name);
                if (entry != null) {
                    Properties properties = new Properties();
                    try (InputStream in = archive.getInputStream(entry)) {
                        properties.load(in);
                    }
                    return describe(file, properties.getProperty("plugin.id"), properties.getProperty("plugin.version"),
                            properties.getProperty("plugin.requires"), digest, name);
                }
            }
            for (String name : MANIFESTS) {
                ZipEntry entry = archive.getEntry(name);
                if (entry != null) {
                    try (InputStream in = archive.getInputStream(entry)) {
                        Attributes main = new Manifest(in).getMainAttributes();
                        return describe(file, main.getValue("Plugin-Id"), main.getValue("Plugin-Version"),
                                main.getValue("Plugin-Requires"), digest, name);
                    }
                }
            }
            throw new PluginFileException(file, "no plugin descriptor: expected classes/META-INF/MANIFEST.MF "
                    + "(zip) or META-INF/MANIFEST.MF (jar) with Plugin-Id and Plugin-Version");
        } catch (ZipException e) {
            throw new PluginFileException(file, "not a readable zip or jar archive (" + e.getMessage() + ")", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new PluginFileException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The SHA-256 of a file's bytes.
     *
     * @param file a file
     * @return lowercase hex
     * @throws PluginFileException if the file cannot be read
     */
    public static String sha256(Path file) throws PluginFileException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new PluginFileException(file, "cannot be read: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static PluginFile describe(Path file, String id, String version, String requires, String digest,
                                       String descriptor) throws PluginFileException {
        if (id == null || id.isBlank() || version == null || version.isBlank()) {
            throw new PluginFileException(file, descriptor + " lacks " + (id == null || id.isBlank() ? "Plugin-Id" : "Plugin-Version"));
        }
        return new PluginFile(file, id.trim(), version.trim(), requires == null ? "" : requires.trim(), digest);
    }
}
