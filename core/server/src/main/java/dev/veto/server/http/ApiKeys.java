package dev.veto.server.http;

import dev.veto.server.ServerSettings;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * API keys per tenant. Keys are configured as SHA-256 hashes, never in clear; a request presents its key as
 * {@code Authorization: Bearer <key>} and gets its key's tenant. Without configured keys there is no
 * authentication (and the server listens on loopback only).
 */
public final class ApiKeys {

    private final ServerSettings settings;

    /**
     * Creates the authenticator.
     *
     * @param settings the server settings with the hashed keys
     */
    public ApiKeys(ServerSettings settings) {
        this.settings = settings;
    }

    /**
     * Who sends a request, as far as its key says.
     *
     * @param tenant the key's tenant; empty when authentication is off
     * @param roles  the user roles the key may claim; empty when authentication is off (any role may be claimed)
     */
    record Caller(Optional<String> tenant, Optional<Set<String>> roles) {
        static final Caller UNAUTHENTICATED = new Caller(Optional.empty(), Optional.empty());
    }

    /**
     * The tenant a request is authenticated as.
     *
     * @param ctx the request
     * @return the key's tenant; empty when authentication is off
     * @throws ApiError 401 when a key is required and missing or unknown
     */
    Optional<String> tenant(Context ctx) {
        return caller(ctx).tenant();
    }

    /**
     * The caller a request is authenticated as.
     *
     * @param ctx the request
     * @return the key's tenant and roles; {@link Caller#UNAUTHENTICATED} when authentication is off
     * @throws ApiError 401 when a key is required and missing or unknown
     */
    Caller caller(Context ctx) {
        if (!settings.authenticated()) {
            return Caller.UNAUTHENTICATED;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw new ApiError(401, "authentication_error", "missing_api_key",
                    "send your API key as 'Authorization: Bearer <key>'");
        }
        String hash = sha256(header.substring(7).strip());
        String tenant = settings.apiKeys().get(hash);
        if (tenant == null) {
            throw new ApiError(401, "authentication_error", "invalid_api_key", "the API key is not valid");
        }
        return new Caller(Optional.of(tenant), Optional.of(settings.keyRoles().getOrDefault(hash, Set.of())));
    }

    /**
     * The hex SHA-256 of a key, as configured in {@code veto.server.api-keys}.
     *
     * @param key the key
     * @return 64 lower-case hex digits
     */
    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)))
                    .toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
