package dev.veto.core.plugin;

import dev.veto.core.install.PluginFile;
import dev.veto.core.install.PluginFileException;
import dev.veto.core.install.PluginPins;
import dev.veto.spi.SpiVersion;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginState;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PF4J over Veto's plugins folder: jar and zip plugins, isolated class loaders, {@code Plugin-Requires}
 * checked against {@link SpiVersion#CURRENT}, extensions built by Guice, and every failure kept as a
 * {@link PluginProblem} instead of a log line nobody reads. A broken plugin never stops the others.
 *
 * <p>Integrity comes first: a file's SHA-256 is checked against the configured {@link PluginPins} before
 * it is expanded or any of its classes is loaded.
 */
public final class VetoPluginManager extends DefaultPluginManager {

    private static final Logger log = LoggerFactory.getLogger(VetoPluginManager.class);

    private final List<PluginProblem> problems = Collections.synchronizedList(new ArrayList<>());
    private final Map<Path, Path> sourceFiles = new ConcurrentHashMap<>();
    private final Set<String> incompatible = ConcurrentHashMap.newKeySet();
    private final Map<Path, String> digests = new ConcurrentHashMap<>();
    private final Map<Path, String> verifiedIds = new ConcurrentHashMap<>();
    private final Set<Path> refused = ConcurrentHashMap.newKeySet();
    private final PluginPins pins;

    /**
     * Creates a manager; nothing is loaded until {@link #loadPlugins()}.
     *
     * @param pluginsDirectory the plugins folder
     * @param workDirectory    where zip plugins are expanded
     * @param disabled         plugin ids not to start even though their files are present
     * @param pins             the digests plugin files must have
     */
    public VetoPluginManager(Path pluginsDirectory, Path workDirectory, Set<String> disabled, PluginPins pins) {
        super(List.of(pluginsDirectory));
        this.pins = pins;
        // initialize() ran inside super(): fields of this class were not set yet, so the collaborators that
        // need them are installed here.
        this.pluginRepository = new PluginFolder(pluginsDirectory, workDirectory);
        this.pluginStatusProvider = new DisabledPlugins(disabled);
        setSystemVersion(SpiVersion.CURRENT.toString());
        setExactVersionAllowed(false);
        setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
    }

    @Override
    protected PluginRepository createPluginRepository() {
        return null; // replaced in the constructor, once the folder is known
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return IsolatingPluginLoaders.create(this);
    }

    @Override
    protected ExtensionFactory createExtensionFactory() {
        return new GuiceExtensionFactory(this);
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        return null; // replaced in the constructor
    }

    /**
     * The Guice-backed extension factory; the host attaches its injector before asking for extensions.
     *
     * @return the factory
     */
    public GuiceExtensionFactory guiceExtensionFactory() {
        return (GuiceExtensionFactory) getExtensionFactory();
    }

    @Override
    protected PluginWrapper loadPluginFromPath(Path pluginPath) {
        PluginFolder folder = (PluginFolder) pluginRepository;
        boolean pinsApply = pins.required() || pins.pinsAny();
        Path source = pluginPath;
        if (pinsApply) {
            try {
                source = folder.verifiedCopy(pluginPath); // check and use the same bytes
            } catch (IOException e) {
                refused.add(pluginPath);
                report(fileName(pluginPath), pluginPath, "cannot be copied for verification, it was not loaded: " + PluginCalls.describe(e));
                return null;
            }
        }
        if (!trusted(pluginPath, source)) {
            return null;
        }
        Path loadable;
        try {
            loadable = folder.expand(source, pinsApply ? digests.get(pluginPath) : null);
        } catch (IOException | RuntimeException e) {
            report(fileName(pluginPath), pluginPath, "corrupt plugin archive: " + PluginCalls.describe(e));
            return null;
        }
        sourceFiles.put(loadable, pluginPath);
        PluginDescriptor descriptor;
        try {
            descriptor = getPluginDescriptorFinder().find(loadable);
            validatePluginDescriptor(descriptor);
        } catch (RuntimeException e) {
            report(fileName(pluginPath), pluginPath, "no valid plugin descriptor (a MANIFEST.MF with Plugin-Id and "
                    + "Plugin-Version, or plugin.properties): " + PluginCalls.describe(e));
            return null;
        }
        String verifiedId = verifiedIds.get(pluginPath);
        if (verifiedId != null && !verifiedId.equals(descriptor.getPluginId())) {
            // two descriptors in one file (plugin.properties and a manifest) naming different ids: the pin was
            // checked for one id, PF4J would load the other
            refused.add(pluginPath);
            report(descriptor.getPluginId(), pluginPath, "declares two plugin ids ('" + verifiedId + "' and '"
                    + descriptor.getPluginId() + "' in different descriptors); it was not loaded");
            return null;
        }
        PluginWrapper existing = getPlugin(descriptor.getPluginId());
        if (existing != null) {
            report(descriptor.getPluginId(), pluginPath, "plugin id '" + descriptor.getPluginId()
                    + "' is already used by " + sourceFile(existing).getFileName()
                    + "; this file was not loaded (remove one of the two, or give it another Plugin-Id)");
            return null;
        }
        try {
            return super.loadPluginFromPath(loadable);
        } catch (RuntimeException | LinkageError e) {
            report(descriptor.getPluginId(), pluginPath, "cannot be loaded: " + PluginCalls.describe(e));
            return null;
        }
    }

    @Override
    protected boolean isPluginValid(PluginWrapper plugin) {
        PluginDescriptor descriptor = plugin.getDescriptor();
        String requires = descriptor.getRequires() == null ? "" : descriptor.getRequires().trim();
        if (requires.isEmpty() || requires.equals("*")) {
            report(descriptor.getPluginId(), sourceFile(plugin), "declares no Plugin-Requires; it is loaded, "
                    + "but should declare the SPI range it was built for, e.g. '>=1.0.0 & <2.0.0'");
            return true;
        }
        boolean valid;
        try {
            valid = super.isPluginValid(plugin);
        } catch (RuntimeException e) {
            report(descriptor.getPluginId(), sourceFile(plugin),
                    "has an unreadable Plugin-Requires '" + requires + "': " + PluginCalls.describe(e) + "; it was not loaded");
            return false;
        }
        if (!valid) {
            incompatible.add(descriptor.getPluginId());
            report(descriptor.getPluginId(), sourceFile(plugin), "requires SPI " + requires
                    + " but this host implements SPI " + getSystemVersion()
                    + "; it was not loaded (install a version of the plugin built for SPI "
                    + SpiVersion.CURRENT.major() + ".x)");
        }
        return valid;
    }

    /**
     * Resolves dependencies between plugins without letting a broken graph stop the host: a cyclic or
     * unparsable dependency is reported for the plugins involved, and a plugin PF4J drops because a
     * dependency is missing or of the wrong version is reported instead of vanishing silently.
     */
    @Override
    protected void resolvePlugins() {
        Set<String> before = new java.util.TreeSet<>();
        getPlugins().forEach(p -> before.add(p.getPluginId()));
        try {
            super.resolvePlugins();
        } catch (RuntimeException e) {
            for (PluginWrapper plugin : List.copyOf(getUnresolvedPlugins())) {
                report(plugin.getPluginId(), sourceFile(plugin), "cannot be resolved, it is not started: "
                        + PluginCalls.describe(e));
            }
            return;
        }
        Set<String> after = new java.util.TreeSet<>();
        getPlugins().forEach(p -> after.add(p.getPluginId()));
        for (String id : before) {
            if (!after.contains(id)) {
                problems.add(new PluginProblem(id, Path.of(id), "was not loaded: a plugin it depends on "
                        + "(Plugin-Dependencies) is missing or of the wrong version"));
                log.error("Plugin {} was not loaded: a plugin it depends on is missing or of the wrong version", id);
            }
        }
    }

    @Override
    public void startPlugins() {
        super.startPlugins();
        for (PluginWrapper plugin : getPlugins()) {
            if (plugin.getPluginState() == PluginState.FAILED && plugin.getFailedException() != null) {
                report(plugin.getPluginId(), sourceFile(plugin), "failed to start: " + PluginCalls.describe(plugin.getFailedException()));
            }
        }
    }

    /**
     * Stops and unloads every plugin, each on its own: one that fails to stop does not keep the others (and
     * their class loaders and open jars) around.
     */
    public void stopAndUnloadEach() {
        for (PluginWrapper plugin : List.copyOf(getPlugins())) {
            try {
                stopPlugin(plugin.getPluginId());
            } catch (RuntimeException | LinkageError e) {
                log.warn("Plugin {} failed to stop: {}", plugin.getPluginId(), PluginCalls.describe(e));
            }
            try {
                unloadPlugin(plugin.getPluginId());
            } catch (RuntimeException | LinkageError e) {
                log.warn("Plugin {} failed to unload: {}", plugin.getPluginId(), PluginCalls.describe(e));
            }
        }
    }

    /**
     * Checks a file against the pins before anything of it is used, and remembers its digest.
     *
     * @return whether the file may be loaded
     */
    private boolean trusted(Path pluginPath, Path source) {
        PluginFile file;
        try {
            file = PluginFile.read(source);
        } catch (PluginFileException e) {
            if (pins.required() || pins.pinsAny()) {
                report(fileName(pluginPath), pluginPath, "cannot be verified against the pins, it was not loaded: " + e.getMessage());
                refused.add(pluginPath);
                return false;
            }
            return true; // not verifiable and nothing pinned: loading reports what is wrong with it
        }
        digests.put(pluginPath, file.sha256());
        verifiedIds.put(pluginPath, file.id());
        Optional<String> refusal = pins.refusal(file.id(), file.sha256());
        refusal.ifPresent(why -> {
            report(file.id(), pluginPath, why);
            refused.add(pluginPath);
        });
        return refusal.isEmpty();
    }

    /**
     * Whether a file was refused by the integrity check.
     *
     * @param file a file of the plugins folder
     * @return {@code true} if it was not loaded because its digest is not trusted
     */
    public boolean isRefused(Path file) {
        return refused.contains(file);
    }

    /**
     * The SHA-256 of a plugin file, as checked when it was loaded.
     *
     * @param file a file of the plugins folder
     * @return the digest, lowercase hex, or empty if the file could not be read
     */
    public Optional<String> digest(Path file) {
        return Optional.ofNullable(digests.get(file));
    }

    /**
     * Every problem met while loading, starting or instantiating plugins, in the order met.
     *
     * @return the problems
     */
    public List<PluginProblem> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /**
     * Whether a plugin was not started because it requires another SPI version.
     *
     * @param pluginId the plugin id
     * @return {@code true} if its {@code Plugin-Requires} excludes this host's SPI
     */
    public boolean isIncompatible(String pluginId) {
        return incompatible.contains(pluginId);
    }

    /**
     * Records a problem with a loaded plugin (for example an extension that cannot be created).
     *
     * @param pluginId the plugin
     * @param message  what is wrong
     */
    public void reportProblem(String pluginId, String message) {
        PluginWrapper plugin = getPlugin(pluginId);
        report(pluginId, plugin == null ? Path.of(pluginId) : sourceFile(plugin), message);
    }

    /**
     * The file in the plugins folder a plugin was loaded from (the zip, not its expansion).
     *
     * @param plugin a loaded plugin
     * @return the file
     */
    public Path sourceFile(PluginWrapper plugin) {
        return sourceFiles.getOrDefault(plugin.getPluginPath(), plugin.getPluginPath());
    }

    /**
     * A resource such as {@code reference.conf}, looked up in the plugin's files only (never the host's).
     *
     * @param pluginId a loaded plugin's id
     * @param name     the resource name
     * @return the resource, if the plugin has one
     */
    public Optional<URL> ownResource(String pluginId, String name) {
        ClassLoader loader = getPluginClassLoader(pluginId);
        if (loader instanceof PluginClassLoader pluginLoader) {
            return Optional.ofNullable(pluginLoader.findResource(name));
        }
        return Optional.empty();
    }

    private void report(String pluginId, Path file, String message) {
        PluginProblem problem = new PluginProblem(pluginId, file, message);
        problems.add(problem);
        log.error("Plugin {}", problem);
    }

    private static String fileName(Path path) {
        return path.getFileName().toString();
    }

    /** Plugin ids switched off in configuration ({@code veto.plugin-host.disabled}). */
    private static final class DisabledPlugins implements PluginStatusProvider {
        private final Set<String> disabled = ConcurrentHashMap.newKeySet();

        DisabledPlugins(Set<String> disabled) {
            this.disabled.addAll(disabled);
        }

        @Override
        public boolean isPluginDisabled(String pluginId) {
            return disabled.contains(pluginId);
        }

        @Override
        public void disablePlugin(String pluginId) {
            disabled.add(pluginId);
        }

        @Override
        public void enablePlugin(String pluginId) {
            disabled.remove(pluginId);
        }
    }
}
