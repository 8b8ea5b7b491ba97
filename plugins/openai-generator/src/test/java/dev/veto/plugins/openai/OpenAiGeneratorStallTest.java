package dev.veto.plugins.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veto.spi.generator.GenerationRequest;
import dev.veto.spi.generator.Generator;
import dev.veto.spi.request.Request;
import dev.veto.testkit.Requests;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model server that sends its headers and then falls silent: the host abandons the call by interrupting
 * its thread, and the thread must come back (the JDK client's own body stream ignores interruption); left
 * alone, the call ends at {@code request-timeout}, headers and body together.
 */
class OpenAiGeneratorStallTest {

    @TempDir
    Path data;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private ChatCompletionsStub stub;
    private Generator generator;

    private Generator start(String requestTimeout) throws IOException {
        stub = new ChatCompletionsStub();
        stub.silentAfterHeaders = true;
        generator = stub.generator(data, Map.of("request-timeout", requestTimeout));
        return generator;
    }

    @AfterEach
    void stop() throws Exception {
        threads.shutdownNow();
        generator.close();
        stub.close();
    }

    @Test
    @Timeout(20)
    void anAbandonedStreamGivesItsThreadBack() throws Exception {
        Generator stalled = start("60s");
        assertThat(abandoned(() -> stalled.stream(request(), delta -> true))).isInstanceOf(InterruptedIOException.class);
    }

    @Test
    @Timeout(20)
    void anAbandonedAnswerGivesItsThreadBack() throws Exception {
        Generator stalled = start("60s");
        assertThat(abandoned(() -> stalled.generate(request()))).isInstanceOf(InterruptedIOException.class);
    }

    @Test
    @Timeout(20)
    void aStalledAnswerEndsAtTheRequestTimeout() throws Exception {
        Generator stalled = start("1s");
        long started = System.nanoTime();
        assertThatThrownBy(() -> stalled.stream(request(), delta -> true))
                .isInstanceOf(HttpTimeoutException.class).hasMessageContaining("request-timeout");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(900L, 5_000L);
    }

    /** Starts the call, interrupts it once it has stalled (as the host does at the deadline), and returns how it ended. */
    private Throwable abandoned(Callable<?> call) throws Exception {
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Future<?> running = threads.submit(() -> {
            try {
                call.call();
                ended.complete(null);
            } catch (Throwable e) {
                ended.complete(e);
            }
        });
        assertThatThrownBy(() -> ended.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class); // stalled
        running.cancel(true);
        return ended.get(5, TimeUnit.SECONDS); // the thread came back, with the reason
    }

    private static GenerationRequest request() {
        Request request = Requests.of("Tell me everything.");
        return new GenerationRequest(request, request.conversation(), Set.of(), List.of(), 256);
    }
}
