package dev.veto.core.chain;

import com.typesafe.config.Config;
import dev.veto.core.component.CircuitBreaker;
import dev.veto.core.component.Component;
import dev.veto.core.config.VetoConfigException;
import dev.veto.core.plugin.PluginCalls;
import dev.veto.core.trace.CallOutcome;
import dev.veto.core.trace.ComponentCall;
import dev.veto.core.trace.FailureMode;
import dev.veto.spi.generator.RequestRejectedException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every call into a plugin: on a bounded pool of daemon threads, under the plugin's context class
 * loader, against a deadline, behind the component's circuit breaker and its own limit of calls in flight.
 * Whatever the plugin does — throw, hang, return garbage, throw an {@link Error}, return a list that never
 * ends — the caller gets a {@link ComponentCall} with an outcome, never an exception and never a wait past
 * the deadline.
 *
 * <p>Everything that touches what a plugin returned or threw runs on the plugin thread, under the deadline:
 * results are checked and copied into host-owned values there ({@link Sanitizer}), and failures are turned
 * into one-line descriptions there. The request thread only ever sees host-owned data.
 *
 * <p>Both sides of a call busy-wait briefly ({@code veto.plugin-host.spin-wait}) before they park: an idle
 * worker for the next call, the request thread for the result. That keeps the host's own overhead at a
 * few microseconds under traffic, for a bounded amount of CPU when traffic stops.
 *
 * <p>A timed-out call is interrupted and abandoned; a plugin that ignores interruption keeps its thread.
 * Such calls still count against the component's {@code max-calls-per-component}, so one hung plugin can
 * take only that many threads of the pool; beyond it, its calls are {@link CallOutcome#REJECTED} at once.
 */
public final class Guard implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Guard.class);

    private final ThreadPoolExecutor pool;
    private final long spinNanos;
    private final int maxCallsPerComponent;

    /**
     * Checks and copies what a plugin returned, on the plugin thread.
     *
     * @param <R> the result type
     */
    @FunctionalInterface
    interface Sanitizer<R> {
        /**
         * @param result what the plugin returned, possibly {@code null}
         * @return a host-owned, validated copy
         * @throws InvalidResult with what is wrong
         */
        R apply(R result);
    }

    /** A plugin result the host will not use; the message says why. */
    static final class InvalidResult extends RuntimeException {
        InvalidResult(String message) {
            super(message, null, false, false);
        }
    }

    /** A plugin threw; the message is the host's description of it, made on the plugin thread. */
    private static final class PluginFailure extends RuntimeException {
        PluginFailure(String description) {
            super(description, null, false, false);
        }
    }

    /** A generator's model refused the request as invalid ({@link RequestRejectedException}), described. */
    private static final class RejectedRequest extends RuntimeException {
        RejectedRequest(String description) {
            super(description, null, false, false);
        }
    }

    /**
     * Creates the pool from {@code veto.plugin-host}.
     *
     * @param config the host configuration
     * @throws VetoConfigException if a size is not positive
     */
    @Inject
    public Guard(@Named("veto") Config config) {
        int threads = positive(config, "veto.plugin-host.threads");
        int queue = positive(config, "veto.plugin-host.queue");
        this.maxCallsPerComponent = positive(config, "veto.plugin-host.max-calls-per-component");
        this.spinNanos = config.getDuration("veto.plugin-host.spin-wait").toNanos();
        this.pool = PluginCallQueue.newPool(threads, queue, spinNanos, new DaemonThreads());
    }

    private static int positive(Config config, String path) {
        int value = config.getInt(path);
        if (value < 1) {
            throw VetoConfigException.at(config.getValue(path).origin(), path, "must be at least 1, was " + value);
        }
        return value;
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
     * @param sanitizer checks and copies the result, on the plugin thread
     * @param <C>       the component type
     * @param <R>       the result type
     * @return the pending call
     */
    <C extends AutoCloseable, R> Pending<R> submit(Component<C> component, FailureMode mode, PluginCall<C, R> call,
                                                   Sanitizer<R> sanitizer) {
        Pending<R> pending = new Pending<>(component, mode);
        if (component.instance().isEmpty()) {
            return pending.notCalled(CallOutcome.UNAVAILABLE, component.unavailableReason().orElse("unavailable"));
        }
        AtomicInteger inFlight = component.callsInFlight();
        if (inFlight.incrementAndGet() > maxCallsPerComponent) {
            inFlight.decrementAndGet();
            return pending.notCalled(CallOutcome.REJECTED, maxCallsPerComponent + " calls of this component are still "
                    + "running (veto.plugin-host.max-calls-per-component)");
        }
        if (!component.breaker().tryAcquire()) {
            inFlight.decrementAndGet();
            return pending.notCalled(CallOutcome.TRIPPED, "skipped: failed repeatedly, circuit breaker open");
        }
        C instance = component.instance().get();
        ClassLoader loader = component.classLoader();
        Slot slot = new Slot(inFlight);
        CallTask<R> task = new CallTask<>(slot, () -> {
            if (!slot.start()) {
                return null; // cancelled while it was queued; nobody reads the result
            }
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            long started = System.nanoTime();
            try {
                R raw;
                try {
                    raw = call.apply(instance);
                } catch (RequestRejectedException rejected) {
                    throw new RejectedRequest(PluginCalls.message(rejected));
                } catch (Throwable failure) {
                    throw new PluginFailure(PluginCalls.describe(failure));
                }
                try {
                    return sanitizer.apply(raw);
                } catch (InvalidResult invalid) {
                    throw invalid;
                } catch (Throwable failure) {
                    throw new InvalidResult("cannot be inspected: " + PluginCalls.describe(failure));
                }
            } finally {
                pending.runNanos = System.nanoTime() - started;
                thread.setContextClassLoader(previous);
                slot.release();
                PluginCallQueue.callFinished(); // before the result is published: this worker is free again
            }
        });
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            slot.release();
            component.breaker().release();
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
            Spin.WAITERS.until(() -> pending.task.isDone() ? Boolean.TRUE : null,
                    Math.min(spinNanos, deadlineNanos - System.nanoTime()));
            R value = pending.task.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            breaker.onSuccess();
            return pending.result(CallOutcome.OK, ran(pending), "", value);
        } catch (TimeoutException e) {
            pending.task.cancel(true);
            return failed(pending, CallOutcome.TIMED_OUT, "no answer within the stage deadline",
                    Duration.ofNanos(System.nanoTime() - pending.submittedNanos));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RejectedRequest) {
                // the caller's request, not the component's failure: no charge — and no success either, or one
                // client's bad requests would keep a failing model's breaker from ever opening
                breaker.release();
                log.warn("Component {} refused the request as invalid: {}", pending.component, cause.getMessage());
                return pending.result(CallOutcome.INVALID_REQUEST, ran(pending), cause.getMessage(), null);
            }
            String error = cause instanceof InvalidResult ? "returned an invalid result: " + cause.getMessage()
                    : cause instanceof PluginFailure ? cause.getMessage() : PluginCalls.describe(cause);
            return failed(pending, CallOutcome.FAILED, error, ran(pending));
        } catch (CancellationException e) {
            return failed(pending, CallOutcome.FAILED, "cancelled", ran(pending));
        } catch (InterruptedException e) {
            // the request was abandoned, not the plugin's fault: no breaker charge
            pending.task.cancel(true);
            breaker.release();
            Thread.currentThread().interrupt();
            return pending.result(CallOutcome.FAILED, ran(pending), "the waiting request thread was interrupted", null);
        }
    }

    /**
     * Starts calls on several components at once and waits for all of them under one deadline.
     *
     * @param components the components
     * @param stage      the stage's settings
     * @param call       the work, the same for each component
     * @param sanitizer  checks and copies each result
     * @param <C>        the component type
     * @param <R>        the result type
     * @return one result per component, in order
     */
    <C extends AutoCloseable, R> List<Result<R>> callAll(List<Component<C>> components, StageSettings stage,
                                                        PluginCall<C, R> call, Sanitizer<R> sanitizer) {
        long deadline = System.nanoTime() + stage.deadline().toNanos();
        List<Pending<R>> pending = components.stream()
                .map(c -> submit(c, c.failureMode(stage.onFailure()), call, sanitizer))
                .toList();
        return pending.stream().map(p -> await(p, deadline)).toList();
    }

    /**
     * Calls one component and, while it runs, does other work on this thread; then waits for the call.
     *
     * @param component the component
     * @param stage     the stage's settings
     * @param call      the work
     * @param sanitizer checks and copies the result
     * @param meanwhile host work to do while the call runs; if it throws, the call is cancelled
     * @param <C>       the component type
     * @param <R>       the result type
     * @return the call's result
     */
    <C extends AutoCloseable, R> Result<R> callWhile(Component<C> component, StageSettings stage, PluginCall<C, R> call,
                                                     Sanitizer<R> sanitizer, Runnable meanwhile) {
        long deadline = System.nanoTime() + stage.deadline().toNanos();
        Pending<R> pending = submit(component, component.failureMode(stage.onFailure()), call, sanitizer);
        try {
            meanwhile.run();
        } catch (RuntimeException | Error e) {
            if (pending.task != null) {
                pending.task.cancel(true); // not the plugin's fault: no breaker charge
                component.breaker().release();
            }
            throw e;
        }
        return await(pending, deadline);
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

    /**
     * Stops the pool: no new calls, running calls interrupted, and a bounded wait for them to return, so that
     * components are not closed under a call that still uses them.
     */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("Some plugin calls did not stop within 2 s of shutdown; their components are closed anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A call in flight, or one that was never made.
     *
     * @param <R> the result type
     */
    static final class Pending<R> {
        private final Component<?> component;
        private final FailureMode mode;
        private final long submittedNanos = System.nanoTime();
        private volatile long runNanos;
        private CallTask<R> task;
        private CallOutcome preOutcome;
        private String preError;

        private Pending(Component<?> component, FailureMode mode) {
            this.component = component;
            this.mode = mode;
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
     * One of a component's in-flight slots, given back exactly once: when the plugin code returns, or when
     * its call is cancelled before a worker started it (a cancelled queued task never runs, so the call's own
     * {@code finally} could not give it back).
     */
    private static final class Slot {
        private static final int QUEUED = 0;
        private static final int RUNNING = 1;
        private static final int RELEASED = 2;

        private final AtomicInteger state = new AtomicInteger(QUEUED);
        private final AtomicInteger componentInFlight;

        Slot(AtomicInteger componentInFlight) {
            this.componentInFlight = componentInFlight;
        }

        /** @return whether the call may run: false once it was cancelled while queued */
        boolean start() {
            return state.compareAndSet(QUEUED, RUNNING);
        }

        void release() {
            if (state.getAndSet(RELEASED) != RELEASED) {
                componentInFlight.decrementAndGet();
            }
        }

        /** @return whether the call had not started: it never will */
        boolean releaseIfQueued() {
            if (state.compareAndSet(QUEUED, RELEASED)) {
                componentInFlight.decrementAndGet();
                return true;
            }
            return false;
        }
    }

    /** A call's task: cancelled before it started, it gives its slot back and leaves the queue at once. */
    private final class CallTask<R> extends FutureTask<R> {
        private final Slot slot;

        CallTask(Slot slot, Callable<R> work) {
            super(work);
            this.slot = slot;
        }

        @Override
        protected void done() {
            if (isCancelled() && slot.releaseIfQueued()) {
                PluginCallQueue.withdraw(pool, this);
            }
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
