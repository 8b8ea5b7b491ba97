package dev.veto.core.testing;

import com.typesafe.config.Config;
import dev.veto.spi.classifier.Classifier;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds real plugin files for tests: compiles Java sources against the SPI with the system compiler and
 * packages them as a PF4J jar or zip (classes/ + lib/) with a manifest descriptor, an extensions index and
 * an optional reference.conf — the same files a vendor's build produces.
 */
public final class TestPlugin {

    private final String id;
    private String version = "1.0.0";
    private String requires = ">=1.0.0 & <2.0.0";
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> extensions = new ArrayList<>();
    private String referenceConf;
    private boolean writeIndex = true;

    private TestPlugin(String id) {
        this.id = id;
    }

    /**
     * Starts a plugin.
     *
     * @param id the Plugin-Id
     * @return the builder
     */
    public static TestPlugin withId(String id) {
        return new TestPlugin(id);
    }

    public TestPlugin version(String value) {
        this.version = value;
        return this;
    }

    /** Sets Plugin-Requires; {@code null} leaves it out. */
    public TestPlugin requires(String value) {
        this.requires = value;
        return this;
    }

    /** Adds a class; {@code extension} lists it in META-INF/extensions.idx. */
    public TestPlugin source(String className, String source, boolean extension) {
        sources.put(className, source);
        if (extension) {
            extensions.add(className);
        }
        return this;
    }

    public TestPlugin referenceConf(String hocon) {
        this.referenceConf = hocon;
        return this;
    }

    /** Leaves META-INF/extensions.idx out, as a build without annotation processing would. */
    public TestPlugin withoutExtensionIndex() {
        this.writeIndex = false;
        return this;
    }

    /** Writes {@code <dir>/<name>.jar}. */
    public Path writeJar(Path directory, String name) {
        Path jar = directory.resolve(name + ".jar");
        try (OutputStream out = Files.newOutputStream(jar)) {
            out.write(jarBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    /** Writes {@code <dir>/<name>.zip} in the PF4J layout: the classes under classes/, a manifest there. */
    public Path writeZip(Path directory, String name) {
        Path zip = directory.resolve(name + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> entry : entries().entrySet()) {
                out.putNextEntry(new ZipEntry("classes/" + entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip;
    }

    private byte[] jarBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest())) {
            for (Map.Entry<String, byte[]> entry : entries().entrySet()) {
                if (entry.getKey().equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private Map<String, byte[]> entries() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        ByteArrayOutputStream manifest = new ByteArrayOutputStream();
        manifest().write(manifest);
        entries.put("META-INF/MANIFEST.MF", manifest.toByteArray());
        if (writeIndex) {
            entries.put("META-INF/extensions.idx", String.join("\n", extensions).getBytes(StandardCharsets.UTF_8));
        }
        if (referenceConf != null) {
            entries.put("reference.conf", referenceConf.getBytes(StandardCharsets.UTF_8));
        }
        compile().forEach((className, bytecode) -> entries.put(className.replace('.', '/') + ".class", bytecode));
        return entries;
    }

    private Manifest manifest() {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", id);
        attributes.putValue("Plugin-Version", version);
        if (requires != null) {
            attributes.putValue("Plugin-Requires", requires);
        }
        attributes.putValue("Plugin-Provider", "tests");
        return manifest;
    }

    private Map<String, byte[]> compile() {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
        Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>();
        ForwardingJavaFileManager<StandardJavaFileManager> memory = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return classes.computeIfAbsent(className, c -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((className, source) -> units.add(new SimpleJavaFileObject(
                URI.create("string:///" + className.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        }));
        List<String> options = List.of("--release", "17", "-classpath", classPath());
        boolean ok = compiler.getTask(null, memory, diagnostics, options, null, units).call();
        if (!ok) {
            throw new IllegalStateException("test plugin " + id + " does not compile: " + diagnostics.getDiagnostics());
        }
        Map<String, byte[]> result = new LinkedHashMap<>();
        classes.forEach((name, bytes) -> result.put(name, bytes.toByteArray()));
        return result;
    }

    /** What a vendor compiles against: the SPI, Typesafe Config and jakarta.inject. */
    private static String classPath() {
        return String.join(java.io.File.pathSeparator, location(Classifier.class), location(Config.class), location(Inject.class));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
