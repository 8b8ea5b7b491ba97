package dev.veto.core.policy;

import com.typesafe.config.Config;
import dev.veto.core.trace.ComponentCall;
import dev.veto.spi.classifier.Stage;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.request.Request;
import dev.veto.spi.signal.Signal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy gate of the host: the active {@link PolicyBundle}, replaced atomically when its files change
 * and the new version is valid; and an optional shadow policy evaluated beside it on live traffic, whose
 * disagreements are counted and logged without changing any response.
 *
 * <p>Metrics: {@code veto.policy.reloads} (tag {@code outcome}: applied, rejected, unchanged),
 * {@code veto.policy.shadow.evaluations}, {@code veto.policy.shadow.disagreements} (tags {@code active},
 * {@code shadow}: the two verdicts).
 */
public final class PolicyEngine implements PolicyGate, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PolicyEngine.class);

    private final PolicySource source;
    private final Optional<PolicySource> shadowSource;
    private final AtomicReference<PolicyBundle> active = new AtomicReference<>();
    private final AtomicReference<PolicyBundle> shadow = new AtomicReference<>();
    private final MeterRegistry meters;
    private final UnknownCategories unknownCategories;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final PolicyWatcher watcher;

    /**
     * Loads the policy named by {@code veto.policy.directory} (the bundled default when that directory
     * does not exist) and, if configured, the shadow policy; starts watching them.
     *
     * @param config the host configuration
     * @param meters where reloads and shadow disagreements are counted
     * @throws PolicyException if the active policy is invalid
     */
    @Inject
    public PolicyEngine(@Named("veto") Config config, MeterRegistry meters) {
        this.meters = meters;
        this.unknownCategories = new UnknownCategories(meters);
        Path home = Path.of(config.getString("veto.home"));
        this.source = source(home, config.getString("veto.policy.directory"));
        String shadowDirectory = config.getString("veto.policy.shadow-directory");
        this.shadowSource = shadowDirectory.isEmpty() ? Optional.empty()
                : Optional.of(PolicySource.directory(home.resolve(shadowDirectory)));
        this.active.set(PolicyBundle.load(source));
        log.info("Policy {} loaded from {}", active.get().version(), source.describe());
        shadowSource.ifPresent(s -> loadShadow());
        Duration debounce = config.getDuration("veto.policy.watch-debounce");
        this.watcher = config.getBoolean("veto.policy.watch")
                ? PolicyWatcher.start(watchedDirectories(), debounce, this::reload) : null;
    }

    private static PolicySource source(Path home, String directory) {
        if (!directory.isEmpty()) {
            Path path = home.resolve(directory);
            if (Files.isDirectory(path)) {
                return PolicySource.directory(path);
            }
            log.warn("Policy directory {} not found; using the default policy bundled with Veto", path);
        }
        return PolicySource.bundled();
    }

    private List<Path> watchedDirectories() {
        List<Path> directories = new java.util.ArrayList<>();
        source.directory().ifPresent(directories::add);
        shadowSource.flatMap(PolicySource::directory).ifPresent(directories::add);
        return directories;
    }

    @Override
    public PolicyOutcome decide(Stage stage, Request request, List<Signal> signals, List<ComponentCall> calls) {
        PolicyBundle policy = active.get();
        unknownCategories.check(policy, signals);
        PolicyOutcome outcome = policy.decide(stage, request, signals, calls);
        PolicyBundle candidate = shadow.get();
        if (candidate != null) {
            compare(request, outcome, candidate.decide(stage, request, signals, calls));
        }
        return outcome;
    }

    private void compare(Request request, PolicyOutcome live, PolicyOutcome candidate) {
        meters.counter("veto.policy.shadow.evaluations").increment();
        boolean sameVerdict = live.ruling().verdict() == candidate.ruling().verdict();
        if (sameVerdict && live.ruling().rule().equals(candidate.ruling().rule())) {
            return;
        }
        Counter.builder("veto.policy.shadow.disagreements")
                .tag("active", live.ruling().verdict().name()).tag("shadow", candidate.ruling().verdict().name())
                .register(meters).increment();
        log.info("Shadow policy {} disagrees on request {}: active {} by {}, shadow {} by {}",
                candidate.ruling().policyVersion(), request.id(), live.ruling().verdict(), live.ruling().rule(),
                candidate.ruling().verdict(), candidate.ruling().rule());
    }

    @Override
    public PolicyOutcome preview(Stage stage, Request request, List<Signal> signals, List<ComponentCall> calls) {
        return active.get().decide(stage, request, signals, calls);
    }

    @Override
    public Verdict escalationExpiry(Request request) {
        return active.get().escalationExpiry(request);
    }

    @Override
    public boolean requiresSecondTier(Request request) {
        return active.get().requiresSecondTier(request);
    }

    @Override
    public boolean awaitsConfirmation(Request request, List<Signal> signals) {
        return active.get().awaitsConfirmation(request, signals);
    }

    @Override
    public String version() {
        return active.get().version();
    }

    @Override
    public Set<String> refusals() {
        return active.get().messages().refusals();
    }

    /**
     * The active policy.
     *
     * @return the bundle
     */
    public PolicyBundle active() {
        return active.get();
    }

    /**
     * The shadow policy, if one is configured and valid.
     *
     * @return the bundle
     */
    public Optional<PolicyBundle> shadow() {
        return Optional.ofNullable(shadow.get());
    }

    @Override
    public void onSwitch(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** How a reload ended. */
    public enum ReloadOutcome {
        /** A new valid version replaced the active policy. */
        APPLIED,
        /** The files hold the active version already. */
        UNCHANGED,
        /** The files are invalid; the active policy stays. */
        REJECTED
    }

    /**
     * Reads the policy files again; a valid new version replaces the active one atomically, an invalid one is
     * rejected with its problems logged and the active policy stays. Also reloads the shadow policy.
     *
     * @return what happened to the active policy
     */
    public synchronized ReloadOutcome reload() {
        shadowSource.ifPresent(s -> loadShadow());
        PolicyBundle current = active.get();
        PolicyBundle next;
        try {
            next = PolicyBundle.load(source);
        } catch (PolicyException e) {
            count(ReloadOutcome.REJECTED);
            log.error("Policy change rejected, {} stays active: {}", current.version(), e.getMessage());
            return ReloadOutcome.REJECTED;
        } catch (RuntimeException e) {
            count(ReloadOutcome.REJECTED);
            log.error("Policy change rejected, {} stays active", current.version(), e);
            return ReloadOutcome.REJECTED;
        }
        if (next.version().equals(current.version())) {
            count(ReloadOutcome.UNCHANGED);
            return ReloadOutcome.UNCHANGED;
        }
        active.set(next);
        count(ReloadOutcome.APPLIED);
        log.info("Policy switched from {} to {}", current.version(), next.version());
        for (Consumer<String> listener : listeners) {
            listener.accept(next.version());
        }
        return ReloadOutcome.APPLIED;
    }

    private void loadShadow() {
        try {
            PolicyBundle candidate = PolicyBundle.load(shadowSource.get());
            PolicyBundle previous = shadow.getAndSet(candidate);
            if (previous == null || !previous.version().equals(candidate.version())) {
                log.info("Shadow policy {} loaded from {}", candidate.version(), shadowSource.get().describe());
            }
        } catch (RuntimeException e) {
            log.error("Shadow policy from {} is invalid and not evaluated: {}", shadowSource.get().describe(), e.getMessage());
            shadow.set(null);
        }
    }

    private void count(ReloadOutcome outcome) {
        meters.counter("veto.policy.reloads", "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).increment();
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
    }
}
