package dev.veto.core.component;

import dev.veto.core.trace.FailureMode;
import dev.veto.spi.classifier.Stage;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One configured component instance, ready to be called — or unavailable, with the reason, so the chain can
 * apply the configured failure behaviour instead of silently skipping it.
 *
 * @param <C> the component type
 */
public final class Component<C extends AutoCloseable> {

    private final String name;
    private final String pluginId;
    private final String factory;
    private final ClassLoader classLoader;
    private final C instance;
    private final String unavailableReason;
    private final Optional<FailureMode> failureMode;
    private final Set<Stage> stages;
    private final CircuitBreaker breaker;
    private final AtomicInteger callsInFlight = new AtomicInteger();
    private volatile Set<String> declaredCategories = Set.of();

    private Component(String name, String pluginId, String factory, ClassLoader classLoader, C instance,
                      String unavailableReason, Optional<FailureMode> failureMode, Set<Stage> stages,
                      CircuitBreaker breaker) {
        this.name = Objects.requireNonNull(name, "name");
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.classLoader = classLoader;
        this.instance = instance;
        this.unavailableReason = unavailableReason;
        this.failureMode = failureMode;
        this.stages = Set.copyOf(stages);
        this.breaker = breaker;
    }

    /**
     * A component that was created and can be called.
     *
     * @param name        the instance name
     * @param source      the factory it was created from
     * @param instance    the created instance
     * @param failureMode its own failure behaviour, overriding the stage's
     * @param stages      the stages it runs in (classifiers)
     * @param breaker     its circuit breaker
     * @param <C>         the component type
     * @return the component
     */
    public static <C extends AutoCloseable> Component<C> available(String name, RegisteredFactory<?> source, C instance,
                                                                   Optional<FailureMode> failureMode, Set<Stage> stages,
                                                                   CircuitBreaker breaker) {
        return new Component<>(name, source.pluginId(), source.name(), source.classLoader(),
                Objects.requireNonNull(instance, "instance"), null, failureMode, stages, breaker);
    }

    /**
     * A configured component that could not be created.
     *
     * @param name        the instance name
     * @param pluginId    the plugin expected to provide it, or {@code unknown}
     * @param factory     the configured factory name
     * @param reason      why it is unavailable
     * @param failureMode its own failure behaviour, overriding the stage's
     * @param stages      the stages it was meant to run in
     * @param <C>         the component type
     * @return the component
     */
    public static <C extends AutoCloseable> Component<C> unavailable(String name, String pluginId, String factory,
                                                                     String reason, Optional<FailureMode> failureMode,
                                                                     Set<Stage> stages) {
        return new Component<>(name, pluginId, factory, null, null, Objects.requireNonNull(reason, "reason"),
                failureMode, stages, null);
    }

    /** @return the configured instance name */
    public String name() {
        return name;
    }

    /** @return the id of the providing plugin, {@code host} for host factories */
    public String pluginId() {
        return pluginId;
    }

    /** @return the configured factory name */
    public String factory() {
        return factory;
    }

    /** @return the class loader plugin calls run under; {@code null} if unavailable */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /** @return the instance, if it could be created */
    public Optional<C> instance() {
        return Optional.ofNullable(instance);
    }

    /** @return why the component could not be created, if it could not */
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailableReason);
    }

    /**
     * The failure behaviour for a call in a stage: the component's own, else the stage's.
     *
     * @param stageDefault the stage's configured behaviour
     * @return the behaviour that applies
     */
    public FailureMode failureMode(FailureMode stageDefault) {
        return failureMode.orElse(stageDefault);
    }

    /** @return the stages this component runs in */
    public Set<Stage> stages() {
        return stages;
    }

    /**
     * The categories a classifier said it may report ({@code Classifier.categories()}), read once at start-up.
     *
     * @return category ids; empty if undeclared or not a classifier
     */
    public Set<String> declaredCategories() {
        return declaredCategories;
    }

    void declaredCategories(Set<String> categories) {
        this.declaredCategories = Set.copyOf(categories);
    }

    /**
     * Calls started and not yet returned — including calls the host stopped waiting for that still run.
     *
     * @return the counter
     */
    public AtomicInteger callsInFlight() {
        return callsInFlight;
    }

    /** @return the circuit breaker; {@code null} if unavailable */
    public CircuitBreaker breaker() {
        return breaker;
    }

    @Override
    public String toString() {
        return name + " (" + factory + " from " + pluginId + ")";
    }
}
