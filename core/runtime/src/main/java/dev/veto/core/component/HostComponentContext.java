package dev.veto.core.component;

import com.typesafe.config.Config;
import dev.veto.spi.ComponentContext;
import java.nio.file.Path;
import java.time.Clock;

/** The host's {@link ComponentContext}: a plain value handed to a factory's {@code create}. */
record HostComponentContext(String instanceName, String pluginId, Config config, Path dataDirectory, Clock clock)
        implements ComponentContext {
}
