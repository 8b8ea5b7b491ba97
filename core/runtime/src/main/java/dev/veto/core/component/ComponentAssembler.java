package dev.veto.core.component;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import dev.veto.core.config.ConfigLoader;
import dev.veto.core.config.ConfigProblems;
import dev.veto.core.config.VetoConfigException;
import dev.veto.core.plugin.PluginCalls;
import dev.veto.core.trace.FailureMode;
import dev.veto.spi.ComponentFactory;
import dev.veto.spi.classifier.Classifier;
import dev.veto.spi.classifier.ClassifierFactory;
import dev.veto.spi.classifier.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the configured component instances. An instance whose factory is missing, whose settings the
 * factory rejects, or whose creation throws or hangs becomes an {@linkplain Component#unavailable
 * unavailable} component: the host still starts, and the chain applies the configured failure behaviour to
 * it on every request, so nothing the policy should stop slips through.
 */
public final class ComponentAssembler {

    private static final Logger log = LoggerFactory.getLogger(ComponentAssembler.class);

    private final Config config;
    private final FactoryRegistry registry;
    private final ExecutorService pool;
    private final Clock clock;
    private final Path dataRoot;
    private final Duration createTimeout;
    private final int breakerThreshold;
    private final Duration breakerCoolDown;
    private final ClassifierWarmUp warmUp;

    /**
     * Creates an assembler.
     *
     * @param config   the host configuration
     * @param registry the factories
     * @param pool     threads to create components on (creation runs under a timeout)
     * @param clock    the host clock
     */
    public ComponentAssembler(Config config, FactoryRegistry registry, ExecutorService pool, Clock clock) {
        this.config = config;
        this.registry = registry;
        this.pool = pool;
        this.clock = clock;
        Path home = Path.of(config.getString("veto.home"));
        this.dataRoot = home.resolve(config.getString("veto.plugin-host.data-directory"));
        this.createTimeout = config.getDuration("veto.plugin-host.create-timeout");
        this.breakerThreshold = config.getInt("veto.plugin-host.circuit-breaker.failure-threshold");
        if (breakerThreshold < 1) {
            throw VetoConfigException.at(config.getValue("veto.plugin-host.circuit-breaker.failure-threshold").origin(),
                    "veto.plugin-host.circuit-breaker.failure-threshold", "must be at least 1, was " + breakerThreshold);
        }
        this.breakerCoolDown = config.getDuration("veto.plugin-host.circuit-breaker.cool-down");
        this.warmUp = new ClassifierWarmUp(pool, config.getDuration("veto.plugin-host.warm-up-timeout"));
    }

    /**
     * Creates every enabled instance of every kind.
     *
     * @return the components
     * @throws VetoConfigException if an instance definition is malformed
     */
    public Components assemble() {
        return new Components(
                List.copyOf(assemble(ComponentKind.CLASSIFIER).values()),
                assemble(ComponentKind.RETRIEVER),
                assemble(ComponentKind.GENERATOR),
                assemble(ComponentKind.ESCALATOR));
    }

    private <F extends ComponentFactory<C>, C extends AutoCloseable> Map<String, Component<C>> assemble(
            ComponentKind<F, C> kind) {
        Map<String, Component<C>> result = new LinkedHashMap<>();
        Config defaults = config.getConfig(kind.defaultsPath());
        List<String> names = config.getObject(kind.instancesPath()).keySet().stream().sorted().toList();
        for (String name : names) {
            String path = kind.instancesPath() + "." + ConfigUtil.quoteString(name);
            Config own = instanceDefinition(path);
            checkKeys(own, kind, path);
            Config definition = own.withFallback(defaults);
            try {
                if (definition.getBoolean("enabled")) {
                    result.put(name, create(kind, name, path, definition, own.hasPath("stages")));
                }
            } catch (ConfigException e) {
                throw VetoConfigException.from(e);
            }
        }
        return result;
    }

    private Config instanceDefinition(String path) {
        try {
            return config.getConfig(path);
        } catch (ConfigException.WrongType e) {
            throw VetoConfigException.at(config.getValue(path).origin(), path,
                    "a component definition must be an object such as { factory = \"...\" }");
        }
    }

    /** An instance definition holds the host's keys and `settings`; anything else is a typo. */
    private static void checkKeys(Config own, ComponentKind<?, ?> kind, String path) {
        java.util.Set<String> known = kind == ComponentKind.CLASSIFIER
                ? java.util.Set.of("factory", "enabled", "stages", "on-failure", "warm-up", "settings")
                : java.util.Set.of("factory", "enabled", "on-failure", "settings");
        List<String> problems = new java.util.ArrayList<>();
        for (String key : own.root().keySet()) {
            if (!known.contains(key)) {
                problems.add(ConfigProblems.describe(own.getValue(ConfigUtil.quoteString(key)).origin(), path + "." + key,
                        "unknown setting (known: " + String.join(", ", known.stream().sorted().toList())
                                + "; a factory's own settings go under settings { … })"));
            }
        }
        if (!problems.isEmpty()) {
            throw new VetoConfigException(problems);
        }
    }

    private <F extends ComponentFactory<C>, C extends AutoCloseable> Component<C> create(
            ComponentKind<F, C> kind, String name, String path, Config definition, boolean stagesSet) {
        if (!definition.hasPath("factory")) {
            throw VetoConfigException.at(config.getValue(path).origin(), path, "missing 'factory': name the "
                    + kind + " factory to create this instance from (available: " + registry.names(kind) + ")");
        }
        String factoryName = definition.getString("factory");
        Optional<FailureMode> failureMode = failureMode(definition, path);
        Set<Stage> stages = kind == ComponentKind.CLASSIFIER && stagesSet ? stages(definition, path) : Set.of();
        Optional<RegisteredFactory<F>> found = registry.find(kind, factoryName);
        if (found.isEmpty()) {
            String reason = "no " + kind + " factory named '" + factoryName + "' is loaded (configured at "
                    + origin(path + ".factory") + "; loaded: " + registry.names(kind) + ")";
            log.error("Component {}: {}", name, reason);
            return Component.unavailable(name, "unknown", factoryName, reason, failureMode,
                    kind == ComponentKind.CLASSIFIER && !stagesSet ? Set.of(Stage.INPUT, Stage.OUTPUT) : stages);
        }
        RegisteredFactory<F> source = found.get();
        if (source.factory() instanceof ClassifierFactory classifierFactory) {
            Set<Stage> supported;
            try {
                supported = PluginCalls.withLoader(source.classLoader(), classifierFactory::stages);
                if (supported == null || supported.isEmpty()) {
                    throw new IllegalStateException("the factory names no stage it supports");
                }
                supported = Set.copyOf(supported);
            } catch (RuntimeException | LinkageError e) {
                String reason = "factory '" + factoryName + "' cannot say which stages it supports: " + PluginCalls.describe(e);
                log.error("Component {}: {}", name, reason);
                return Component.unavailable(name, source.pluginId(), factoryName, reason, failureMode,
                        stagesSet ? stages : Set.of(Stage.INPUT, Stage.OUTPUT));
            }
            if (!stagesSet) {
                stages = supported; // the operator did not choose: every stage the factory supports
            } else if (!supported.containsAll(stages)) {
                throw VetoConfigException.at(definition.getValue("stages").origin(), path + ".stages",
                        "factory '" + factoryName + "' supports only the stages " + lower(supported));
            }
        }
        Config settings = definition.getConfig("settings").withFallback(pluginSettings(source.pluginId()));
        try {
            C instance = createWithTimeout(source, new HostComponentContext(name, source.pluginId(), settings,
                    dataDirectory(source.pluginId()), clock));
            log.info("Created {} '{}' from factory '{}' of plugin '{}'", kind, name, factoryName, source.pluginId());
            Component<C> component = Component.available(name, source, instance, failureMode, stages,
                    new CircuitBreaker(breakerThreshold, breakerCoolDown, clock));
            if (instance instanceof Classifier classifier) {
                component.declaredCategories(declaredCategories(source, classifier, name));
                if (definition.getBoolean("warm-up")) {
                    warmUp.warmUp(name, source.classLoader(), classifier, stages);
                }
            }
            return component;
        } catch (RuntimeException e) {
            String reason = "factory '" + factoryName + "' of plugin '" + source.pluginId() + "' could not create it: "
                    + PluginCalls.describe(e);
            log.error("Component {}: {}", name, reason, e);
            return Component.unavailable(name, source.pluginId(), factoryName, reason, failureMode, stages);
        }
    }

    private <C extends AutoCloseable> C createWithTimeout(RegisteredFactory<? extends ComponentFactory<C>> source,
                                                          HostComponentContext context) {
        CompletableFuture<C> creation = CompletableFuture.supplyAsync(
                () -> PluginCalls.withLoader(source.classLoader(), () -> source.factory().create(context)), pool);
        try {
            C instance = creation.get(createTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (instance == null) {
                throw new IllegalStateException("the factory returned null");
            }
            return instance;
        } catch (TimeoutException e) {
            // the factory may still finish: whatever it creates then is closed, never used
            creation.thenAccept(late -> closeQuietly(source, late));
            throw new IllegalStateException("creation did not finish within " + createTimeout.toMillis()
                    + " ms (veto.plugin-host.create-timeout)");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the component");
        }
    }

    private static void closeQuietly(RegisteredFactory<?> source, AutoCloseable late) {
        try {
            PluginCalls.withLoader(source.classLoader(), () -> {
                try {
                    late.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Closing a component created after its timeout failed: {}", PluginCalls.describe(e));
        }
    }

    /** A classifier's declared categories, read under the creation timeout (it is plugin code). */
    private Set<String> declaredCategories(RegisteredFactory<?> source, Classifier classifier, String name) {
        CompletableFuture<Set<String>> read = CompletableFuture.supplyAsync(
                () -> PluginCalls.withLoader(source.classLoader(), () -> Set.copyOf(classifier.categories())), pool);
        try {
            return read.get(createTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            read.cancel(true);
            log.warn("Classifier {} could not say which categories it reports: {}", name, PluginCalls.describe(e));
            return Set.of();
        }
    }

    private Config pluginSettings(String pluginId) {
        String path = ConfigLoader.pluginPath(pluginId);
        return config.hasPath(path) ? config.getConfig(path) : ConfigFactory.empty();
    }

    private Path dataDirectory(String pluginId) {
        Path directory = dataRoot.resolve(pluginId);
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the plugin data directory " + directory, e);
        }
    }

    private Optional<FailureMode> failureMode(Config definition, String path) {
        if (!definition.hasPath("on-failure")) {
            return Optional.empty();
        }
        try {
            return Optional.of(FailureMode.parse(definition.getString("on-failure")));
        } catch (IllegalArgumentException e) {
            throw VetoConfigException.at(definition.getValue("on-failure").origin(), path + ".on-failure", e.getMessage());
        }
    }

    private static Set<Stage> stages(Config definition, String path) {
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        for (String stage : definition.getStringList("stages")) {
            try {
                stages.add(Stage.valueOf(stage.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw VetoConfigException.at(definition.getValue("stages").origin(), path + ".stages",
                        "unknown stage '" + stage + "' (expected input or output)");
            }
        }
        return stages;
    }

    private String origin(String path) {
        return config.hasPath(path) ? ConfigProblems.where(config.getValue(path).origin()) : path;
    }

    private static List<String> lower(Set<Stage> stages) {
        return stages.stream().map(s -> s.name().toLowerCase(Locale.ROOT)).sorted().toList();
    }
}
