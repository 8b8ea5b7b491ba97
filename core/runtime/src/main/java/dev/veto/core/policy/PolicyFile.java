package dev.veto.core.policy;

import com.typesafe.config.Config;
import java.util.Objects;

/**
 * One file of a policy, parsed.
 *
 * @param path    its path relative to the policy root, with {@code /} separators, e.g. {@code tenants/acme.conf}
 * @param content its text, for the content hash
 * @param config  its parsed content; origins carry file and line
 */
record PolicyFile(String path, String content, Config config) {

    PolicyFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(config, "config");
    }
}
