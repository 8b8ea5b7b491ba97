package dev.veto.server.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes server-sent events. Streamed text arrives on a plugin thread while the request thread writes the
 * opening and closing events: writes are serialized, and once closed, late writes from a generator that
 * outlived its deadline are dropped instead of corrupting the stream.
 */
final class SseWriter {

    private final OutputStream out;
    private boolean closed;
    private boolean clientGone;

    SseWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes one {@code data:} event and flushes it. */
    synchronized void data(String payload) {
        if (closed) {
            return;
        }
        try {
            out.write(("data: " + payload + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            closed = true; // the client went away: stop writing, and let the generator stop
            clientGone = true;
            throw new UncheckedIOException("the client closed the stream", e);
        }
    }

    /** Whether a write failed because the client had gone away. */
    synchronized boolean clientGone() {
        return clientGone;
    }

    /** Writes the final {@code [DONE]} event; nothing is written after it. */
    synchronized void done() {
        if (!closed) {
            try {
                out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                // the client is gone; nothing to tell it
            }
            closed = true;
        }
    }
}
