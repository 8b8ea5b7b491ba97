package dev.veto.core.chain;

import dev.veto.core.policy.PolicyOutcome;
import dev.veto.spi.generator.TextSink;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Moderates a stream while it flows: text reaches the user only after output moderation has seen it, and
 * nothing split across chunks slips out.
 *
 * <p>Generated text accumulates; once it is longer than {@code holdback} (the first text), then every
 * {@code window} new characters (or after {@code maxDelay} since the
 * last check, when a chunk arrives) the text since the last check — plus {@code overlap} characters before
 * it — is judged. If it passes, everything but the last {@code holdback} characters is released: a value
 * that may continue in the next chunk (a phone number, a card number, a harmful phrase) is never released
 * in part, because the next window sees it whole before any of it leaves. {@code overlap} is at least
 * {@code holdback}. On a violation the stream stops at once; what was released before stays released.
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
        // the first text leaves as soon as there is more than the holdback: time to first token is the
        // holdback's worth of generation, not a whole window's
        boolean first = released == 0 && generated.length() > settings.holdback();
        boolean windowFull = generated.length() - checked >= settings.window();
        boolean waitedLongEnough = System.nanoTime() - lastCheckNanos >= settings.maxDelay().toNanos()
                && generated.length() - released > settings.holdback();
        if (first || windowFull || waitedLongEnough) {
            check(false);
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
            check(true);
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

    private void check(boolean last) {
        int end = generated.length();
        if (checked < end) {
            int from = safeBoundary(Math.max(0, checked - settings.overlap()));
            windows++;
            PolicyOutcome outcome = judge.apply(generated.substring(from, end));
            lastCheckNanos = System.nanoTime();
            if (outcome.ruling().verdict().blocks()) {
                violation = outcome;
                return;
            }
            checked = end;
        }
        int releasable = last ? end : safeBoundary(Math.max(released, end - settings.holdback()));
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

    /** Never cut between the two halves of a surrogate pair. */
    private int safeBoundary(int index) {
        if (index > 0 && index < generated.length() && Character.isLowSurrogate(generated.charAt(index))
                && Character.isHighSurrogate(generated.charAt(index - 1))) {
            return index - 1;
        }
        return index;
    }
}
