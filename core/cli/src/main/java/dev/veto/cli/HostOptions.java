package dev.veto.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.veto.core.Veto;
import dev.veto.core.config.ConfigLoader;
import dev.veto.core.config.ConfigSources;
import dev.veto.store.Store;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command that starts a host shares: where the installation is and how it is configured. */
final class HostOptions {

    @Option(names = "--home", paramLabel = "DIR",
            description = "Installation directory (plugins/, conf/). Default: $VETO_HOME, else the working directory.")
    Path home;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file to use instead of <home>/conf/application.conf.")
    Path config;

    @Option(names = {"-D", "--set"}, paramLabel = "KEY=VALUE",
            description = "Override one setting, e.g. -D veto.chain.input.deadline=500ms. A value in [...] is a "
                    + "list, e.g. -D veto.chain.input.also-judge=[system,tool]. Repeatable.")
    Map<String, String> settings = new LinkedHashMap<>();

    /**
     * The {@code -D} settings as values: text, except a value written as a HOCON list or object ({@code [a, b]},
     * {@code {…}}), which a shell user could not otherwise set; one that does not parse as either stays text.
     */
    private Map<String, Object> settingValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            String written = value.strip();
            if (!written.startsWith("[") && !written.startsWith("{")) {
                values.put(key, value);
                return;
            }
            try {
                values.put(key, ConfigFactory.parseString("value = " + written).getValue("value").unwrapped());
            } catch (com.typesafe.config.ConfigException e) {
                values.put(key, value); // text after all ("[::1]"): a setting that wants a list says so itself
            }
        });
        return values;
    }

    Veto start() {
        return start(null);
    }

    /** Starts a second host on the same installation with another configuration file (e.g. a baseline). */
    Veto startWith(Path configFile) {
        return toolHost(configFile, null);
    }

    /** A host on this installation with the command line's settings and the given configuration file, if any. */
    private Veto.Builder builder(Path configFile) {
        Veto.Builder builder = Veto.builder().home(resolveHome(home));
        if (configFile != null) {
            builder.configFile(configFile);
        }
        settingValues().forEach(builder::setting);
        return builder;
    }

    /**
     * Starts a host for a tool (eval, policy tests, plugin listing) that reports its meters to {@code registry}
     * (none: a private one). Its decisions are not traffic: nothing is audited, and an escalated request is
     * not handed to the review queue (its verdict stays ESCALATE).
     */
    Veto start(MeterRegistry registry) {
        return toolHost(config, registry);
    }

    private Veto toolHost(Path configFile, MeterRegistry registry) {
        MeterRegistry meters = registry != null ? registry : new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        Store store = openStore(meters);
        try {
            Veto.Builder builder = store.attachEscalatorFactory(builder(configFile)).closing(store)
                    .setting("veto.chain.escalate.escalator", "");
            if (registry != null) {
                builder.meterRegistry(registry);
            }
            return builder.build();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Starts a host whose decisions are recorded in the store (the audit trail) and whose escalations can go
     * to the store's review queue ({@code factory = review-queue}).
     *
     * @param registry where the host and the store report their meters
     */
    RecordedHost startRecorded(MeterRegistry registry) {
        Store store = openStore(registry);
        try {
            Veto.Builder builder = store.attach(builder(config));
            builder.meterRegistry(registry);
            return new RecordedHost(builder.build(), store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Opens the installation's store (its schema migrated), without a host. */
    Store openStore(MeterRegistry registry) {
        return Store.open(hostConfig(), resolveHome(home), Clock.systemUTC(), registry);
    }

    /** A host and the store it records to; closing closes both, the host first. */
    record RecordedHost(Veto veto, Store store) implements AutoCloseable {
        @Override
        public void close() {
            try (store) {
                veto.close();
            }
        }
    }

    /** The host's own configuration, without starting it: enough to find and judge the plugins folder. */
    Config hostConfig() {
        Config overrides = ConfigFactory.parseMap(settingValues(), "command line (-D)");
        return ConfigLoader.loadHostOnly(new ConfigSources(resolveHome(home), Optional.ofNullable(config), overrides));
    }

    /** The plugins folder the configuration names, resolved against the installation directory. */
    Path pluginsFolder(Config hostConfig) {
        return resolveHome(home).resolve(hostConfig.getString("veto.plugin-host.directory"));
    }

    static Path resolveHome(Path explicit) {
        return explicit != null ? explicit : defaultHome();
    }

    private static Path defaultHome() {
        String property = System.getProperty("veto.home");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("VETO_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(".");
    }
}
