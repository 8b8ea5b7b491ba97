package dev.veto.core.chain;

import com.typesafe.config.Config;
import dev.veto.core.config.VetoConfigException;
import java.time.Duration;

/**
 * How streams are moderated, from {@code veto.chain.output.stream}.
 *
 * @param window   new characters that trigger a check
 * @param overlap  characters before the new ones a check also sees
 * @param holdback characters at the end kept back until the next check, beyond the {@link OpenTail}
 * @param maxDelay the longest a chunk waits for a check when fewer than {@code window} characters came
 */
record StreamSettings(int window, int overlap, int holdback, Duration maxDelay) {

    static StreamSettings read(Config config) {
        String path = "veto.chain.output.stream";
        StreamSettings settings = new StreamSettings(config.getInt(path + ".window"), config.getInt(path + ".overlap"),
                config.getInt(path + ".holdback"), config.getDuration(path + ".max-delay"));
        if (settings.window < 1 || settings.holdback < 0 || settings.overlap < settings.holdback) {
            throw VetoConfigException.at(config.getValue(path).origin(), path,
                    "window must be at least 1 and overlap at least holdback (so nothing held back goes unseen)");
        }
        return settings;
    }
}
