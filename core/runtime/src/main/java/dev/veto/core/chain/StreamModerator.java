package dev.veto.core.chain;

import dev.veto.core.policy.PolicyOutcome;
import dev.veto.spi.generator.TextSink;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Moderates a stream while it flows: text reaches the user only after output moderation has seen it, and
 * nothing split across chunks slips out.
 *
 * <p>Generated text accumulates. The first chunk that ends a plain word is judged at once; after that, every
 * {@code window} new characters (or, when a chunk arrives, after {@code maxDelay} since the last check) the
 * text since the last check — plus {@code overlap} characters before it, and always everything not yet
 * released — is judged. If it passes, everything is released but the {@link OpenTail}: a value that may still
 * be growing (a phone, card or account number, an address, a key: {@code 555-01} waiting for {@code 23-4567})
 * is never released in part, because the next window sees it whole before any of it leaves. An installation
 * may also keep back the last {@code holdback} characters whatever they are (0 by default: the first words of
 * a harmful sentence are no harm, and the window that completes it stops the stream). On a violation the
 * stream stops at once; what was released before stays released.
 *
 * <p>Runs on the generator's thread. Not thread-safe: one per stream.
 */
final class StreamModerator implements TextSink {

    /**
     * Judges one window of visible text.
     */
    interface Judge extends Function<String, PolicyOutcome> {
    }

    private final Consumer<String> listener;
    private final Judge judge;
    private final StreamSettings settings;
    private final StringBuilder generated = new StringBuilder();
    private int checked;
    private int released;
    private long lastCheckNanos = System.nanoTime();
    private PolicyOutcome violation;
    private int windows;
    private boolean listenerGone;

    StreamModerator(Consumer<String> listener, Judge judge, StreamSettings settings) {
        this.listener = listener;
        this.judge = judge;
        this.settings = settings;
    }

    @Override
    public boolean accept(String delta) {
        if (violation != null || listenerGone) {
            return false;
        }
        generated.append(delta);
        int end = generated.length();
        int releasable = releasable(end);
        // the first text leaves as soon as a chunk ends a plain word: time to first token is one check
        boolean first = released == 0 && releasable > 0;
        boolean windowFull = end - checked >= settings.window();
        boolean waitedLongEnough = System.nanoTime() - lastCheckNanos >= settings.maxDelay().toNanos()
                && releasable > released;
        if (first || windowFull || waitedLongEnough) {
            judgeAndRelease(releasable);
        }
        return violation == null;
    }

    /**
     * Judges and releases what is left once the generator has finished.
     *
     * @return the violation, if the stream was stopped (now or before)
     */
    PolicyOutcome finish() {
        if (violation == null && (checked < generated.length() || released < generated.length())) {
            judgeAndRelease(generated.length()); // the end: nothing is open any more
        }
        return violation;
    }

    /** The text released to the user. */
    String released() {
        return generated.substring(0, released);
    }

    /** Whether the listener failed (the client went away), which stopped the stream. */
    boolean listenerGone() {
        return listenerGone;
    }

    /** How many windows were judged. */
    int windows() {
        return windows;
    }

    /**
     * Judges what is new (with the overlap and what is still held back) and, if it passes, releases the text up
     * to {@code releasable}.
     */
    private void judgeAndRelease(int releasable) {
        int end = generated.length();
        if (checked < end) {
            // what is held back is judged again, whole, with what follows it — however long it grew
            int from = safeBoundary(Math.min(Math.max(0, checked - settings.overlap()), released));
            windows++;
            PolicyOutcome outcome = judge.apply(generated.substring(from, end));
            lastCheckNanos = System.nanoTime();
            if (outcome.ruling().verdict().blocks()) {
                violation = outcome;
                return;
            }
            checked = end;
        }
        if (releasable > released && !listenerGone) {
            try {
                listener.accept(generated.substring(released, releasable));
                released = releasable;
            } catch (RuntimeException e) {
                // the client went away: stop the generator; that is the client's doing, not a generator failure
                listenerGone = true;
            }
        }
    }

    /** How far the text may be released once judged: all but the open tail and the fixed holdback. */
    private int releasable(int end) {
        int keep = Math.min(end - settings.holdback(), OpenTail.start(generated, released, end));
        return safeBoundary(Math.max(released, keep));
    }

    /** Never cut between the two halves of a surrogate pair. */
    private int safeBoundary(int index) {
        if (index > 0 && index < generated.length() && Character.isLowSurrogate(generated.charAt(index))
                && Character.isHighSurrogate(generated.charAt(index - 1))) {
            return index - 1;
        }
        return index;
    }
}
