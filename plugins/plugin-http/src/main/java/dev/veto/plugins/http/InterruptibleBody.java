package dev.veto.plugins.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an {@link InputStream} that a waiting thread can leave: reading waits
 * interruptibly and only until the call's deadline, and either way the exchange is cancelled and its
 * connection closed. The JDK client's own {@code BodyHandlers.ofInputStream()} waits for the next bytes
 * without regard to interruption or time, so an upstream that sent its headers and then fell silent kept the
 * host's plugin thread after the host had given up on the call — one thread per such call, until the pool ran
 * out.
 *
 * <p>Demand is one batch of buffers at a time, so at most one batch waits here unread.
 */
public final class InterruptibleBody extends InputStream {

    private static final List<ByteBuffer> END = List.of();

    private final LinkedBlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    private final long deadlineNanos;
    private volatile Flow.Subscription subscription;
    private Iterator<ByteBuffer> batch = END.iterator();
    private ByteBuffer current;
    private boolean ended;

    private InterruptibleBody(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * A body handler whose body is read through such a stream.
     *
     * @param timeout how long the whole call may take, counted from now
     * @return the handler
     */
    public static HttpResponse.BodyHandler<InputStream> handler(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        return info -> HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofPublisher(), publisher -> {
            InterruptibleBody body = new InterruptibleBody(deadline);
            publisher.subscribe(body.new Arrivals());
            return body;
        });
    }

    /** What the client delivers, queued for the reading thread. */
    private final class Arrivals implements Flow.Subscriber<List<ByteBuffer>> {
        @Override
        public void onSubscribe(Flow.Subscription value) {
            subscription = value;
            value.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            arrived.add(buffers);
        }

        @Override
        public void onError(Throwable failure) {
            arrived.add(failure);
        }

        @Override
        public void onComplete() {
            arrived.add(END);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!advance()) {
            return -1;
        }
        int n = Math.min(length, current.remaining());
        current.get(target, offset, n);
        return n;
    }

    /** Makes {@code current} a buffer with bytes left; false at the end of the body. */
    private boolean advance() throws IOException {
        while (current == null || !current.hasRemaining()) {
            if (batch.hasNext()) {
                current = batch.next();
                continue;
            }
            if (ended) {
                return false;
            }
            Object next = take();
            if (next == END) {
                ended = true;
                return false;
            }
            if (next instanceof Throwable failure) {
                ended = true;
                throw failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
            }
            @SuppressWarnings("unchecked")
            List<ByteBuffer> buffers = (List<ByteBuffer>) next;
            batch = buffers.iterator();
            subscription.request(1);
        }
        return true;
    }

    private Object take() throws IOException {
        Object next;
        try {
            next = arrived.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the call was abandoned while its answer was read");
        }
        if (next == null) {
            close();
            throw new HttpTimeoutException("the answer did not finish within request-timeout");
        }
        return next;
    }

    /** Cancels the exchange: the client closes its connection instead of reading the rest. */
    @Override
    public void close() {
        ended = true;
        Flow.Subscription value = subscription;
        if (value != null) {
            value.cancel();
        }
    }
}
