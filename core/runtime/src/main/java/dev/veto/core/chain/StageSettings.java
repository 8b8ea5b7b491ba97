package dev.veto.core.chain;

import com.typesafe.config.Config;
import dev.veto.core.config.VetoConfigException;
import dev.veto.core.trace.FailureMode;
import java.time.Duration;

/**
 * A stage's deadline and default failure behaviour, from {@code veto.chain.<stage>}.
 *
 * @param deadline  how long the stage may take in all; its component calls run in parallel within it
 * @param onFailure what a failed call means, unless the component sets its own {@code on-failure}
 */
record StageSettings(Duration deadline, FailureMode onFailure) {

    static StageSettings read(Config config, String stage) {
        String path = "veto.chain." + stage;
        Duration deadline = config.getDuration(path + ".deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw VetoConfigException.at(config.getValue(path + ".deadline").origin(), path + ".deadline",
                    "a deadline must be positive");
        }
        try {
            return new StageSettings(deadline, FailureMode.parse(config.getString(path + ".on-failure")));
        } catch (IllegalArgumentException e) {
            throw VetoConfigException.at(config.getValue(path + ".on-failure").origin(), path + ".on-failure",
                    e.getMessage());
        }
    }
}
