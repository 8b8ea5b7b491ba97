package dev.veto.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.veto.spi.ComponentFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every component keeps, whatever its extension point: a valid factory name, calls that return
 * within the deadline, safety under concurrent calls, an interrupt that ends a blocked call (when
 * claimed), and a {@code close()} that releases the threads the component started.
 *
 * <p>Subclasses per extension point add their own checks; a plugin's test extends one of those and
 * supplies the factory and settings. Each test gets a fresh component, closed after it.
 *
 * @param <F> the factory type
 * @param <C> the component type
 */
public abstract class ComponentContract<F extends ComponentFactory<C>, C extends AutoCloseable> {

    private static final Pattern FACTORY_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int THREADS = 8;

    /** The component under test, created before each test from {@link #factory()} and {@link #settings()}. */
    protected C component;

    /** Creates the contract; JUnit calls it through the plugin's subclass. */
    protected ComponentContract() {
    }

    /**
     * The factory under test, as the plugin registers it.
     *
     * @return a factory instance
     */
    protected abstract F factory();

    /**
     * The instance settings the component is created with, over the plugin's {@code reference.conf}.
     *
     * @return the settings; empty by default
     */
    protected Config settings() {
        return ConfigFactory.empty();
    }

    /**
     * What the component claims beyond the base contract; each claim is checked.
     *
     * @return the claims; none by default
     */
    protected Set<Capability> capabilities() {
        return EnumSet.noneOf(Capability.class);
    }

    /**
     * How long one call may take, even on a megabyte of text, before the contract calls it hung. Keep it
     * at or below the stage deadline operators will configure.
     *
     * @return the deadline; 5 seconds by default
     */
    protected Duration callDeadline() {
        return Duration.ofSeconds(5);
    }

    /**
     * A few typical calls, as the host would make them; used to exercise an instance before it is closed.
     *
     * @param instance a component created by the factory
     * @throws Exception if a call fails
     */
    protected abstract void exercise(C instance) throws Exception;

    /**
     * A call that blocks until interrupted (for example on an upstream that never answers). Needed when
     * the component claims {@link Capability#INTERRUPTIBLE}.
     *
     * @param instance the component
     * @return the blocking call
     */
    protected Callable<?> blockingCall(C instance) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " claims INTERRUPTIBLE but does not "
                + "override blockingCall(instance) to show a call that blocks");
    }

    /**
     * The context the component is created with.
     *
     * @return a context with {@link #settings()} over the plugin's defaults
     */
    protected TestComponentContext context() {
        return TestComponentContext.of(factory().getClass(), settings(), TestComponentContext.temporaryDataDirectory());
    }

    /** Creates the component under test. */
    @BeforeEach
    public final void createComponent() {
        component = factory().create(context());
        if (component == null) {
            fail(factory().getClass().getName() + ".create returned null");
        }
    }

    /**
     * Closes the component under test.
     *
     * @throws Exception if closing fails: the host would log it
     */
    @AfterEach
    public final void closeComponent() throws Exception {
        if (component != null) {
            component.close();
        }
    }

    /** Operators name the factory in configuration: lower-case letters, digits and single dashes. */
    @Test
    public void factoryNameIsAValidConfigurationName() {
        String name = factory().name();
        assertTrue(name != null && FACTORY_NAME.matcher(name).matches(),
                "factory name '" + name + "' must be lower-case letters, digits and dashes, e.g. 'acme-toxicity'");
        assertTrue(factory().description() != null, "description() must not return null");
    }

    /**
     * Closing a component stops every thread it started: a host that reloads plugins or shuts down must not
     * keep them alive.
     *
     * @throws Exception if the component fails
     */
    @Test
    public void closingReleasesTheThreadsItStarted() throws Exception {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        createExerciseAndClose();
        List<String> leaked = List.of();
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < end) {
            System.gc(); // threads owned by unreachable clients (e.g. java.net.http) end once collected
            leaked = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !before.contains(t) && !sharedPlatformThread(t) && !isTestInfrastructure(t))
                    .map(Thread::getName).toList();
            if (leaked.isEmpty()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        fail("threads started by the component are still alive after close(): " + leaked);
    }

    /** In its own frame, so nothing on the test's stack keeps the closed instance (and its clients) reachable. */
    private void createExerciseAndClose() throws Exception {
        C instance = factory().create(context());
        try {
            exercise(instance);
        } finally {
            instance.close();
        }
    }

    /**
     * Threads of the test's own fixtures (a stub server the component talks to), which the thread-leak
     * check must not blame on the component.
     *
     * @param thread a thread started while the component was in use
     * @return {@code true} if the test, not the component, owns it; {@code false} by default
     */
    protected boolean isTestInfrastructure(Thread thread) {
        return false;
    }

    /**
     * With {@link Capability#INTERRUPTIBLE}: a blocked call ends soon after its thread is interrupted.
     *
     * @throws Exception if the component fails
     */
    @Test
    public void aBlockedCallEndsWhenInterrupted() throws Exception {
        Assumptions.assumeTrue(capabilities().contains(Capability.INTERRUPTIBLE), "does not claim INTERRUPTIBLE");
        Callable<?> call = blockingCall(component);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch started = new CountDownLatch(1);
            AtomicReference<Thread> worker = new AtomicReference<>();
            Future<?> future = executor.submit(() -> {
                worker.set(Thread.currentThread());
                started.countDown();
                return call.call();
            });
            started.await();
            try {
                future.get(300, TimeUnit.MILLISECONDS);
                fail("blockingCall(instance) returned instead of blocking; make it block (e.g. an upstream that never answers)");
            } catch (TimeoutException expected) {
                // blocked, as it should be
            } catch (ExecutionException failedInstead) {
                fail("blockingCall(instance) failed instead of blocking: " + failedInstead.getCause());
            }
            future.cancel(true);
            executor.shutdown();
            assertTrue(executor.awaitTermination(2, TimeUnit.SECONDS),
                    "the call was interrupted but still runs after 2 s: it ignores interruption, so the host's "
                            + "deadline cannot free its thread");
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Runs a call within {@link #callDeadline()}, failing the test if it does not return in time.
     *
     * @param what what the call is, for the failure message
     * @param call the call
     * @param <T>  its result
     * @return the result
     * @throws Exception what the call threw
     */
    protected <T> T withinDeadline(String what, Callable<T> call) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<T> future = executor.submit(call);
            try {
                return future.get(callDeadline().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                fail(what + " did not return within " + callDeadline() + "; the host would time it out");
                return null;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Runs every call from {@value #THREADS} threads at once, started together, and returns the results in
     * the order of the calls.
     *
     * @param calls the calls
     * @param <T>   their result
     * @return the results
     * @throws Exception the first failure
     */
    protected <T> List<T> concurrently(List<Callable<T>> calls) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    results.add(future.get(callDeadline().toMillis() * calls.size(), TimeUnit.MILLISECONDS));
                } catch (ExecutionException e) {
                    throw new AssertionError("a concurrent call failed: " + e.getCause(), e.getCause());
                }
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    private static boolean sharedPlatformThread(Thread thread) {
        String name = thread.getName();
        return name.startsWith("ForkJoinPool.commonPool") || name.equals("Common-Cleaner")
                || name.equals("Attach Listener") || name.equals("process reaper") || name.startsWith("junit-");
    }
}
