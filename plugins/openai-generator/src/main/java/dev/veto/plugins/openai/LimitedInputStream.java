package dev.veto.plugins.openai;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An upstream's answer, read up to a limit: past it, reading fails with an {@link IOException} that says so.
 * Unlike a truncating stream, nothing is silently cut — half a JSON document or half a stream is not an answer.
 */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long read;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws IOException {
        read += n;
        if (read > limit) {
            throw new IOException("the upstream's answer exceeds max-response-size (" + limit + " bytes)");
        }
    }
}
