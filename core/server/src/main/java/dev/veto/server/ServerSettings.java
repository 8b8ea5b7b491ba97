package dev.veto.server;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import dev.veto.core.ContextFacts;
import dev.veto.core.config.VetoConfigException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's settings, from {@code veto.server}.
 *
 * @param host                  where to listen (loopback only when there are no API keys)
 * @param port                  the port, 0 for any free one
 * @param maxBodyBytes          the largest request body accepted
 * @param maxConcurrentRequests requests handled at once
 * @param retryAfter            what a 503 tells clients to wait
 * @param apiKeys               tenant by the hex SHA-256 of its API key
 * @param models                the model ids {@code GET /v1/models} lists
 * @param extraParameters       request fields passed to the generator beside the Chat Completions ones
 * @param keyRoles              by the hex SHA-256 of an API key, the user roles its requests may claim
 */
public record ServerSettings(String host, int port, long maxBodyBytes, int maxConcurrentRequests, Duration retryAfter,
                             Map<String, String> apiKeys, List<String> models, Set<String> extraParameters,
                             Map<String, Set<String>> keyRoles) {

    /** Validates and copies the components. */
    public ServerSettings {
        apiKeys = Map.copyOf(apiKeys);
        models = List.copyOf(models);
        extraParameters = Set.copyOf(extraParameters);
        keyRoles = Map.copyOf(keyRoles);
    }

    /**
     * Reads the settings.
     *
     * @param config the host configuration
     * @return the settings
     * @throws VetoConfigException if an API key entry is malformed
     */
    public static ServerSettings read(Config config) {
        String path = "veto.server";
        Config server = config.getConfig(path);
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        for (ConfigObject entry : server.getObjectList("api-keys")) {
            Config key = entry.toConfig();
            if (!key.hasPath("tenant") || !key.hasPath("sha256") || !isSha256(key.getString("sha256"))) {
                throw VetoConfigException.at(entry.origin(), path + ".api-keys",
                        "an API key is { tenant = <id>, sha256 = <64 hex digits: the SHA-256 of the key> }");
            }
            if (!ContextFacts.isTenant(key.getString("tenant"))) {
                throw VetoConfigException.at(entry.origin(), path + ".api-keys", "tenant '" + key.getString("tenant")
                        + "' is not a tenant name: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
            }
            String hash = key.getString("sha256").toLowerCase(java.util.Locale.ROOT);
            keys.put(hash, key.getString("tenant"));
            // the roles a key's requests may claim: a role can relax the policy, so a key given to clients
            // one does not control should claim none (the default)
            roles.put(hash, key.hasPath("roles") ? Set.copyOf(key.getStringList("roles")) : Set.of());
        }
        int port = server.getInt("port");
        if (port < 0 || port > 65535) {
            throw VetoConfigException.at(server.getValue("port").origin(), path + ".port", "not a port: " + port);
        }
        int concurrency = server.getInt("max-concurrent-requests");
        if (concurrency < 1) {
            throw VetoConfigException.at(server.getValue("max-concurrent-requests").origin(), path + ".max-concurrent-requests",
                    "must be at least 1");
        }
        return new ServerSettings(server.getString("host"), port, server.getBytes("max-body-size"), concurrency,
                server.getDuration("retry-after"), keys, server.getStringList("models"),
                Set.copyOf(server.getStringList("chat.extra-parameters")), roles);
    }

    private static boolean isSha256(String hex) {
        if (hex.length() != 64) {
            return false;
        }
        try {
            HexFormat.of().parseHex(hex);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether requests must carry an API key.
     *
     * @return {@code true} once any key is configured
     */
    public boolean authenticated() {
        return !apiKeys.isEmpty();
    }
}
