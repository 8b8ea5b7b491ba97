package dev.veto.core.chain;

import com.typesafe.config.Config;
import dev.veto.core.component.CircuitBreaker;
import dev.veto.core.component.Component;
import dev.veto.core.plugin.PluginCalls;
import dev.veto.core.trace.CallOutcome;
import dev.veto.core.trace.ComponentCall;
import dev.veto.core.trace.FailureMode;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every call into a plugin: on a bounded pool of daemon threads, under the plugin's context class
 * loader, against a deadline, behind the component's circuit breaker. Whatever the plugin does — throw, hang,
 * return garbage, throw an {@link Error} — the caller gets a {@link ComponentCall} with an outcome, never an
 * exception and never a wait past the deadline.
 *
 * <p>Both sides of a call busy-wait briefly ({@code veto.plugin-host.spin-wait}) before they park: an idle
 * worker for the next call, the request thread for the result. That keeps the host's own overhead at a
 * few microseconds under traffic, for a bounded amount of CPU when traffic stops.
 *
 * <p>A timed-out call is interrupted and abandoned; a plugin that ignores interruption keeps its thread,
 * which is why the pool is bounded and a full pool yields {@link CallOutcome#REJECTED} rather than a queue
 * that grows without end.
 */
public final class Guard implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Guard.class);

    private final ThreadPoolExecutor pool;
    private final long spinNanos;

    /**
     * Creates the pool from {@code veto.plugin-host.threads} and {@code veto.plugin-host.queue}.
     *
     * @param config the host configuration
     */
    @Inject
    public Guard(@Named("veto") Config config) {
        int threads = config.getInt("veto.plugin-host.threads");
        int queue = config.getInt("veto.plugin-host.queue");
        this.spinNanos = config.getDuration("veto.plugin-host.spin-wait").toNanos();
        this.pool = PluginCallQueue.newPool(threads, Math.max(1, queue), spinNanos, new DaemonThreads());
    }

    /**
     * The pool, for work that needs the same protection outside a request (creating components).
     *
     * @return the executor
     */
    public ExecutorService executor() {
        return pool;
    }

    /**
     * Starts a call. It runs in the background until {@link #await awaited}.
     *
     * @param component the component to call
     * @param mode      the failure behaviour that applies to this call
     * @param call      the work
     * @param validator returns a description of what is wrong with a result, or {@code null} if it is valid
     * @param <C>       the component type
     * @param <R>       the result type
     * @return the pending call
     */
    <C extends AutoCloseable, R> Pending<R> submit(Component<C> component, FailureMode mode, PluginCall<C, R> call,
                                                   Function<R, String> validator) {
        Pending<R> pending = new Pending<>(component, mode, validator);
        if (component.instance().isEmpty()) {
            return pending.notCalled(CallOutcome.UNAVAILABLE, component.unavailableReason().orElse("unavailable"));
        }
        if (!component.breaker().tryAcquire()) {
            return pending.notCalled(CallOutcome.TRIPPED, "skipped: failed repeatedly, circuit breaker open");
        }
        C instance = component.instance().get();
        ClassLoader loader = component.classLoader();
        FutureTask<R> task = new FutureTask<>(() -> {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            long started = System.nanoTime();
            try {
                return call.apply(instance);
            } finally {
                pending.runNanos = System.nanoTime() - started;
                thread.setContextClassLoader(previous);
            }
        });
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            component.breaker().onFailure();
            return pending.notCalled(CallOutcome.REJECTED, "no plugin thread free (veto.plugin-host.threads and queue are full)");
        }
        pending.task = task;
        return pending;
    }

    /**
     * Waits for a call until the deadline.
     *
     * @param pending       the call
     * @param deadlineNanos the {@link System#nanoTime()} by which the stage must finish
     * @param <R>           the result type
     * @return the outcome, with the result if the call succeeded
     */
    <R> Result<R> await(Pending<R> pending, long deadlineNanos) {
        if (pending.task == null) {
            return pending.result(pending.preOutcome, Duration.ZERO, pending.preError, null);
        }
        CircuitBreaker breaker = pending.component.breaker();
        try {
            // Most calls finish within microseconds: wait for them without parking the request thread.
            Spin.until(() -> pending.task.isDone() ? Boolean.TRUE : null,
                    Math.min(spinNanos, deadlineNanos - System.nanoTime()));
            R value = pending.task.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            String problem = validate(pending, value);
            if (problem != null) {
                return failed(pending, CallOutcome.FAILED, "returned an invalid result: " + problem, ran(pending));
            }
            breaker.onSuccess();
            return pending.result(CallOutcome.OK, ran(pending), "", value);
        } catch (TimeoutException e) {
            pending.task.cancel(true);
            return failed(pending, CallOutcome.TIMED_OUT, "no answer within the stage deadline",
                    Duration.ofNanos(System.nanoTime() - pending.submittedNanos));
        } catch (ExecutionException e) {
            return failed(pending, CallOutcome.FAILED, PluginCalls.describe(e.getCause()), ran(pending));
        } catch (CancellationException e) {
            return failed(pending, CallOutcome.FAILED, "cancelled", ran(pending));
        } catch (InterruptedException e) {
            pending.task.cancel(true);
            Thread.currentThread().interrupt();
            return failed(pending, CallOutcome.FAILED, "the waiting request thread was interrupted", ran(pending));
        }
    }

    /**
     * Starts calls on several components at once and waits for all of them under one deadline.
     *
     * @param components the components
     * @param stage      the stage's settings
     * @param call       the work, the same for each component
     * @param validator  checks each result
     * @param <C>        the component type
     * @param <R>        the result type
     * @return one result per component, in order
     */
    <C extends AutoCloseable, R> List<Result<R>> callAll(List<Component<C>> components, StageSettings stage,
                                                        PluginCall<C, R> call, Function<R, String> validator) {
        long deadline = System.nanoTime() + stage.deadline().toNanos();
        List<Pending<R>> pending = components.stream()
                .map(c -> submit(c, c.failureMode(stage.onFailure()), call, validator))
                .toList();
        return pending.stream().map(p -> await(p, deadline)).toList();
    }

    /** A result the host cannot even inspect (a plugin's broken collection, say) is invalid too. */
    private static <R> String validate(Pending<R> pending, R value) {
        try {
            return pending.validator.apply(value);
        } catch (RuntimeException e) {
            return "cannot be inspected: " + PluginCalls.describe(e);
        }
    }

    private static Duration ran(Pending<?> pending) {
        return Duration.ofNanos(pending.runNanos);
    }

    private static <R> Result<R> failed(Pending<R> pending, CallOutcome outcome, String error, Duration elapsed) {
        if (pending.component.breaker().onFailure()) {
            log.error("Component {} tripped after repeated failures (last: {} {}); it is skipped until its cool-down passes",
                    pending.component, outcome, error);
        } else {
            log.warn("Component {} {}: {}", pending.component, outcome, error);
        }
        return pending.result(outcome, elapsed, error, null);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /**
     * A call in flight, or one that was never made.
     *
     * @param <R> the result type
     */
    static final class Pending<R> {
        private final Component<?> component;
        private final FailureMode mode;
        private final Function<R, String> validator;
        private final long submittedNanos = System.nanoTime();
        private volatile long runNanos;
        private FutureTask<R> task;
        private CallOutcome preOutcome;
        private String preError;

        private Pending(Component<?> component, FailureMode mode, Function<R, String> validator) {
            this.component = component;
            this.mode = mode;
            this.validator = validator;
        }

        private Pending<R> notCalled(CallOutcome outcome, String error) {
            this.preOutcome = outcome;
            this.preError = error;
            return this;
        }

        private Result<R> result(CallOutcome outcome, Duration elapsed, String error, R value) {
            return new Result<>(new ComponentCall(component.name(), component.pluginId(), outcome, elapsed, List.of(),
                    error, mode), value);
        }
    }

    /**
     * How a call ended, with its result when it succeeded.
     *
     * @param call  the traced call (without signals)
     * @param value the result, {@code null} unless the call succeeded
     * @param <R>   the result type
     */
    record Result<R>(ComponentCall call, R value) {
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "veto-plugin-call-" + count.incrementAndGet());
            thread.setDaemon(true); // a hung plugin thread must not keep the JVM alive
            return thread;
        }
    }
}
