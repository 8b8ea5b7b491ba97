package dev.veto.core;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.veto.core.audit.DecisionRecorder;
import dev.veto.core.chain.Chain;
import dev.veto.core.chain.Guard;
import dev.veto.core.component.ComponentAssembler;
import dev.veto.core.component.ComponentKind;
import dev.veto.core.component.Components;
import dev.veto.core.component.FactoryRegistry;
import dev.veto.core.component.RegisteredFactory;
import dev.veto.core.config.ConfigLoader;
import dev.veto.core.config.ConfigSources;
import dev.veto.core.config.VetoConfigException;
import dev.veto.core.inject.ChainModule;
import dev.veto.core.inject.HostModule;
import dev.veto.core.install.PluginDirectory;
import dev.veto.core.install.PluginPins;
import dev.veto.core.plugin.PluginProblem;
import dev.veto.core.plugin.VetoPluginManager;
import dev.veto.core.policy.PolicyEngine;
import dev.veto.core.policy.PolicyException;
import dev.veto.spi.ComponentFactory;
import dev.veto.spi.classifier.ClassifierFactory;
import dev.veto.spi.escalator.EscalatorFactory;
import dev.veto.spi.generator.GeneratorFactory;
import dev.veto.spi.request.Message;
import dev.veto.spi.request.Request;
import dev.veto.spi.retriever.RetrieverFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Veto host: loads the plugins of an installation, wires them, and decides on requests
 * in-process.
 *
 * <pre>{@code
 * try (Veto veto = Veto.builder().home(Path.of("/opt/veto")).build()) {
 *     Decision decision = veto.check(veto.request("How do I bake bread?").tenant("acme").locale("en").build());
 *     if (decision.verdict().blocks()) {
 *         show(decision.reply().message(), decision.reply().alternatives());
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safe: one instance serves any number of concurrent requests. Closing it closes every component
 * and stops the plugins.
 */
public final class Veto implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Veto.class);

    static {
        // Guice generates "fast class" proxies in an unnamed module, which cannot access the host's
        // packages on the module path; reflection works everywhere. Has effect only if Guice has not been
        // used yet in this JVM; an embedding application that uses Guice first sets it itself.
        if (System.getProperty("guice_bytecode_gen_option") == null) {
            System.setProperty("guice_bytecode_gen_option", "DISABLED");
        }
    }

    private final Config config;
    private final VetoPluginManager plugins;
    private final FactoryRegistry registry;
    private final Components components;
    private final Guard guard;
    private final Chain chain;
    private final PolicyEngine policy;
    private final MeterRegistry meters;
    private final int maxChars;
    private final int maxMessages;
    private final List<AutoCloseable> closing;

    private Veto(Config config, VetoPluginManager plugins, FactoryRegistry registry, Components components,
                 Guard guard, Chain chain, PolicyEngine policy, MeterRegistry meters, List<AutoCloseable> closing) {
        this.closing = List.copyOf(closing);
        this.config = config;
        this.plugins = plugins;
        this.registry = registry;
        this.components = components;
        this.guard = guard;
        this.chain = chain;
        this.policy = policy;
        this.meters = meters;
        this.maxChars = config.getInt("veto.limits.max-chars");
        this.maxMessages = config.getInt("veto.limits.max-messages");
    }

    /**
     * Starts configuring a host.
     *
     * @return a builder with the installation directory taken from {@code -Dveto.home}, else the working
     *         directory
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a request whose conversation is one user message.
     *
     * @param userText the user's text
     * @return a request builder
     */
    public RequestBuilder request(String userText) {
        return RequestBuilder.text(userText);
    }

    /**
     * Decides on a single user message with an anonymous context.
     *
     * @param userText the user's text
     * @return the decision
     * @throws InvalidRequestException if the text is blank or too long
     */
    public Decision check(String userText) {
        return check(request(userText).build());
    }

    /**
     * Decides on a request without generating an answer.
     *
     * @param request the request
     * @return the decision
     * @throws InvalidRequestException if the request is empty or too large
     */
    public Decision check(Request request) {
        validate(request);
        return chain.check(request);
    }

    /**
     * Runs the full chain: decides, and for an allowed request generates an answer and moderates it.
     *
     * @param request the request
     * @return the decision; the answer is in {@link Decision#output()} when it was released
     * @throws InvalidRequestException if the request is empty or too large
     */
    public Decision complete(Request request) {
        validate(request);
        return chain.complete(request);
    }

    /**
     * Runs the full chain with the caller's model parameters, as an OpenAI-compatible proxy does.
     *
     * @param request    the request
     * @param parameters OpenAI-style request fields for the generator ({@code model}, {@code temperature}, …)
     * @return the decision; the moderated generation is in {@link Decision#generation()} when released
     * @throws InvalidRequestException if the request is empty or too large
     */
    public Decision complete(Request request, Map<String, Object> parameters) {
        validate(request);
        return chain.complete(request, parameters);
    }

    /**
     * Runs the full chain and streams the answer: {@code listener} gets text only after output moderation
     * has seen it, in overlapping windows, so nothing split across chunks leaves unchecked. When moderation
     * stops the stream, the decision is a refusal of the output and {@link Decision#reply()} says what to
     * tell the user.
     *
     * @param request    the request
     * @param parameters OpenAI-style request fields for the generator
     * @param listener   receives released text in order (on a plugin thread)
     * @return the decision once the stream has ended
     * @throws InvalidRequestException if the request is empty or too large
     */
    public Decision stream(Request request, Map<String, Object> parameters, java.util.function.Consumer<String> listener) {
        validate(request);
        return chain.stream(request, parameters, listener);
    }

    /**
     * How an escalated case stands, as the configured escalator reports it.
     *
     * @param caseId the case id from {@link Decision#escalation()}
     * @return the outcome; empty when no escalator is configured, it does not know the case, or it failed
     */
    public java.util.Optional<dev.veto.spi.escalator.EscalationOutcome> escalationOutcome(String caseId) {
        return chain.escalationOutcome(caseId);
    }

    /**
     * Checks a request against the limits and the shape of its context, as every call here does first. For
     * callers that must know before they commit to an answer — a server about to start a stream.
     *
     * @param request the request
     * @throws InvalidRequestException if the request is empty, too large, or a context fact is malformed
     */
    public void validate(Request request) {
        if (request.conversation().size() > maxMessages) {
            throw new InvalidRequestException("the conversation has " + request.conversation().size()
                    + " messages; at most " + maxMessages + " are accepted (veto.limits.max-messages)");
        }
        for (Message message : request.conversation()) {
            if (message.content().length() > maxChars) {
                throw new InvalidRequestException("a " + message.role().name().toLowerCase(java.util.Locale.ROOT)
                        + " message has " + message.content().length() + " characters; at most " + maxChars
                        + " are accepted (veto.limits.max-chars)");
            }
        }
        if (Chain.subject(request).content().isBlank()) {
            throw new InvalidRequestException("the text to check is empty");
        }
        ContextFacts.validate(request);
    }

    /**
     * The active policy's name and content hash.
     *
     * @return the policy version
     */
    public String policyVersion() {
        return chain.policyVersion();
    }

    /**
     * Reads the policy files again now (they are also watched): a valid new version becomes active
     * atomically; an invalid one is rejected, logged with its file and line problems, and the active policy
     * stays.
     *
     * @return {@code true} if a new version became active
     */
    public boolean reloadPolicy() {
        return policy.reload() == PolicyEngine.ReloadOutcome.APPLIED;
    }

    /**
     * The metrics registry the host counts decisions, policy reloads and cache hits in.
     *
     * @return the registry
     */
    public MeterRegistry meters() {
        return meters;
    }

    /**
     * The resolved configuration the host runs with.
     *
     * @return the configuration
     */
    public Config config() {
        return config;
    }

    /**
     * Every plugin file in the plugins folder, with its state, factories and problems.
     *
     * @return the plugins, in file-name order
     */
    public List<PluginInfo> plugins() {
        Map<String, List<String>> factories = new HashMap<>();
        for (RegisteredFactory<?> factory : registry.all()) {
            factories.computeIfAbsent(factory.pluginId(), id -> new ArrayList<>()).add(factory.kind() + ":" + factory.name());
        }
        Map<Path, PluginInfo> byFile = new LinkedHashMap<>();
        List<PluginProblem> problems = plugins.problems();
        for (PluginWrapper plugin : plugins.getPlugins()) {
            PluginDescriptor d = plugin.getDescriptor();
            Path file = plugins.sourceFile(plugin);
            String state = plugins.isIncompatible(d.getPluginId()) ? "INCOMPATIBLE" : plugin.getPluginState().toString();
            byFile.put(file, new PluginInfo(d.getPluginId(), d.getVersion(), d.getPluginDescription(), d.getProvider(),
                    d.getRequires(), file, plugins.digest(file).orElse(""), state, factories.getOrDefault(d.getPluginId(), List.of()),
                    problems.stream().filter(p -> p.file().equals(file)).map(PluginProblem::message).toList()));
        }
        for (PluginProblem problem : problems) {
            byFile.computeIfAbsent(problem.file(), file -> new PluginInfo(problem.pluginId(), "", "", "", "", file, plugins.digest(file).orElse(""),
                    plugins.isRefused(file) ? "REFUSED" : "INVALID", List.of(), problems.stream().filter(p -> p.file().equals(file)).map(PluginProblem::message).toList()));
        }
        return byFile.values().stream()
                .sorted(java.util.Comparator.comparing(info -> info.file().getFileName().toString()))
                .toList();
    }

    /**
     * The configured component instances and whether each could be created.
     *
     * @return one line per component: {@code kind name (factory from plugin): available | unavailable: why}
     */
    public List<String> components() {
        List<String> lines = new ArrayList<>();
        components.all().forEach(c -> lines.add(c + ": " + c.unavailableReason().map(r -> "unavailable: " + r).orElse("available")));
        return lines;
    }

    @Override
    public void close() {
        cleanUp(policy, components, guard, plugins);
        for (int i = closing.size() - 1; i >= 0; i--) {
            try {
                closing.get(i).close();
            } catch (Exception e) {
                log.warn("Closing {} failed: {}", closing.get(i), e.toString());
            }
        }
    }

    /** Configures and starts a {@link Veto} host. */
    public static final class Builder {
        private Path home = Path.of(System.getProperty("veto.home", "."));
        private Path configFile;
        private Config overrides = ConfigFactory.empty();
        private final Map<String, Object> settings = new LinkedHashMap<>();
        private final List<ComponentFactory<?>> hostFactories = new ArrayList<>();
        private final List<DecisionRecorder> recorders = new ArrayList<>();
        private final List<AutoCloseable> closing = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private MeterRegistry meters;

        private Builder() {
        }

        /**
         * Counts into this registry (an HTTP server's Prometheus registry, say); by default a private one.
         *
         * @param value the registry
         * @return this builder
         */
        public Builder meterRegistry(MeterRegistry value) {
            this.meters = value;
            return this;
        }

        /**
         * Sets the installation directory: {@code plugins/}, {@code conf/} and {@code data/} live under it.
         *
         * @param value the directory
         * @return this builder
         */
        public Builder home(Path value) {
            this.home = value;
            return this;
        }

        /**
         * Uses this configuration file instead of {@code <home>/conf/application.conf}.
         *
         * @param value the file
         * @return this builder
         */
        public Builder configFile(Path value) {
            this.configFile = value;
            return this;
        }

        /**
         * Overrides one setting, above every file.
         *
         * @param path  the setting's path, e.g. {@code veto.chain.input.deadline}
         * @param value its value (string, number, boolean, list or map)
         * @return this builder
         */
        public Builder setting(String path, Object value) {
            settings.put(path, value);
            return this;
        }

        /**
         * Overrides settings, above every file (below {@link #setting}).
         *
         * @param value the settings
         * @return this builder
         */
        public Builder config(Config value) {
            this.overrides = value;
            return this;
        }

        /**
         * Registers a classifier factory of the embedding application, configurable like a plugin's.
         *
         * @param factory the factory
         * @return this builder
         */
        public Builder classifierFactory(ClassifierFactory factory) {
            hostFactories.add(factory);
            return this;
        }

        /**
         * Registers a retriever factory of the embedding application.
         *
         * @param factory the factory
         * @return this builder
         */
        public Builder retrieverFactory(RetrieverFactory factory) {
            hostFactories.add(factory);
            return this;
        }

        /**
         * Registers a generator factory of the embedding application.
         *
         * @param factory the factory
         * @return this builder
         */
        public Builder generatorFactory(GeneratorFactory factory) {
            hostFactories.add(factory);
            return this;
        }

        /**
         * Registers an escalator factory of the embedding application.
         *
         * @param factory the factory
         * @return this builder
         */
        public Builder escalatorFactory(EscalatorFactory factory) {
            hostFactories.add(factory);
            return this;
        }

        /**
         * Adds a recorder that receives every decision.
         *
         * @param recorder the recorder
         * @return this builder
         */
        public Builder recorder(DecisionRecorder recorder) {
            recorders.add(recorder);
            return this;
        }

        /**
         * Hands the host a resource to close after itself (a store its recorders and escalators use), last
         * registered first. A resource that fails to close is logged. If {@link #build()} throws, the caller
         * still owns the resource.
         *
         * @param resource the resource
         * @return this builder
         */
        public Builder closing(AutoCloseable resource) {
            closing.add(resource);
            return this;
        }

        /**
         * Sets the clock (for tests).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * Loads the configuration and the plugins, creates the components and assembles the chain.
         *
         * @return the running host
         * @throws VetoConfigException  if the configuration is invalid (file and line are named)
         * @throws VetoStartupException if the plugins cannot be assembled (e.g. two provide the same factory)
         */
        public Veto build() {
            ConfigSources sources = new ConfigSources(home, Optional.ofNullable(configFile),
                    ConfigFactory.parseMap(settings, "programmatic settings").withFallback(overrides));
            Config hostOnly = ConfigLoader.loadHostOnly(sources);
            Path root = sources.home();
            Path pluginsFolder = root.resolve(hostOnly.getString("veto.plugin-host.directory"));
            VetoPluginManager plugins = new VetoPluginManager(pluginsFolder,
                    root.resolve(hostOnly.getString("veto.plugin-host.work-directory")),
                    disabledPlugins(hostOnly, pluginsFolder), PluginPins.from(hostOnly));
            Components components = null;
            Guard guard = null;
            PolicyEngine policy = null;
            try {
                plugins.loadPlugins();
                plugins.startPlugins();
                Config config = ConfigLoader.load(sources, pluginReferences(plugins));
                MeterRegistry registry = meters != null ? meters : new SimpleMeterRegistry();
                Injector injector = Guice.createInjector(Stage.PRODUCTION,
                        new HostModule(config, plugins, clock, recorders, registry));
                policy = injector.getInstance(PolicyEngine.class);
                // plugins get their own root: nothing of the host is injectable into them (singletons lazy)
                Injector pluginRoot = Guice.createInjector(Stage.DEVELOPMENT);
                plugins.guiceExtensionFactory().attach(pluginRoot, id -> {
                    String path = ConfigLoader.pluginPath(id);
                    return config.hasPath(path) ? config.getConfig(path) : ConfigFactory.empty();
                });
                FactoryRegistry factories = FactoryRegistry.collect(plugins, hostFactories());
                guard = injector.getInstance(Guard.class);
                components = new ComponentAssembler(config, factories, guard.executor(), clock).assemble();
                warnAboutUnknownCategories(components, policy);
                Chain chain = injector.createChildInjector(new ChainModule(components)).getInstance(Chain.class);
                Veto veto = new Veto(config, plugins, factories, components, guard, chain, policy, registry, closing);
                log.info("Veto started: {} plugin(s), policy {}", plugins.getStartedPlugins().size(), veto.policyVersion());
                return veto;
            } catch (CreationException | ProvisionException e) {
                cleanUp(policy, components, guard, plugins);
                throw unwrap(e);
            } catch (RuntimeException | Error e) {
                cleanUp(policy, components, guard, plugins);
                throw e;
            }
        }

        private List<RegisteredFactory<?>> hostFactories() {
            List<RegisteredFactory<?>> registered = new ArrayList<>();
            for (ComponentFactory<?> factory : hostFactories) {
                ComponentKind<?, ?> kind = ComponentKind.ALL.stream().filter(k -> k.factoryType().isInstance(factory))
                        .findFirst().orElseThrow();
                registered.add(new RegisteredFactory<>(kind, factory.name(), factory.description(), factory,
                        RegisteredFactory.HOST, factory.getClass().getClassLoader()));
            }
            return registered;
        }

        /** Disabled in the configuration or by the operator ({@code veto plugins disable}). */
        private static Set<String> disabledPlugins(Config hostOnly, Path pluginsFolder) {
            Set<String> disabled = new HashSet<>(hostOnly.getStringList("veto.plugin-host.disabled"));
            try {
                disabled.addAll(new PluginDirectory(pluginsFolder).disabled());
            } catch (IOException e) {
                throw new VetoStartupException(List.of("cannot read "
                        + pluginsFolder.resolve(PluginDirectory.DISABLED_FILE) + ": " + e.getMessage()));
            }
            return disabled;
        }

        private static Map<String, Config> pluginReferences(VetoPluginManager plugins) {
            Map<String, Config> references = new LinkedHashMap<>();
            for (PluginWrapper plugin : plugins.getStartedPlugins()) {
                String id = plugin.getPluginId();
                try {
                    references.put(id, ConfigLoader.parsePluginReference(id, plugins.ownResource(id, "reference.conf").orElse(null)));
                } catch (VetoConfigException e) {
                    plugins.reportProblem(id, "has a malformed reference.conf, its defaults are ignored: " + e.getMessage());
                }
            }
            return references;
        }

        /**
         * Plugins may extend the taxonomy: a category the policy does not know is judged by the default
         * thresholds. Say so at start-up, so a governance team can give it its own.
         */
        private static void warnAboutUnknownCategories(Components components, PolicyEngine policy) {
            java.util.Set<String> taxonomy = policy.active().taxonomy();
            for (var classifier : components.classifiers()) {
                java.util.Set<String> unknown = new java.util.TreeSet<>(classifier.declaredCategories());
                unknown.removeAll(taxonomy);
                if (!unknown.isEmpty()) {
                    log.warn("Classifier {} may report categories the policy's taxonomy does not list: {}; they are "
                            + "judged by the policy's default thresholds until policy.conf gives them their own", classifier, unknown);
                }
            }
        }

        private static RuntimeException unwrap(RuntimeException e) {
            Throwable cause = e.getCause();
            if (cause == null && e instanceof CreationException creation && !creation.getErrorMessages().isEmpty()) {
                cause = creation.getErrorMessages().iterator().next().getCause();
            }
            if (cause == null && e instanceof ProvisionException provision && !provision.getErrorMessages().isEmpty()) {
                cause = provision.getErrorMessages().iterator().next().getCause();
            }
            if (cause instanceof VetoConfigException || cause instanceof VetoStartupException
                    || cause instanceof PolicyException) {
                return (RuntimeException) cause;
            }
            return e;
        }
    }

    /**
     * Shuts down in dependency order: stop watching the policy; stop the plugin pool and wait (bounded) for
     * running calls, so no component is closed under a call; close the components; stop and unload the
     * plugins, each on its own so one that fails to stop does not keep the others loaded.
     */
    private static void cleanUp(PolicyEngine policy, Components components, Guard guard, VetoPluginManager plugins) {
        if (policy != null) {
            policy.close();
        }
        if (guard != null) {
            guard.close();
        }
        if (components != null) {
            components.close();
        }
        plugins.stopAndUnloadEach();
    }
}
