package dev.veto.core.audit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short one-way hash of a user id, so decisions of one user can be correlated in logs and the audit trail
 * without keeping who it is.
 */
public final class UserHash {

    /** Recent users' hashes: most requests come from users seen moments ago (and many from "unknown"). */
    private static final Cache<String, String> RECENT = Caffeine.newBuilder().maximumSize(10_000).build();

    private UserHash() {
    }

    /**
     * Hashes a user id.
     *
     * @param userId the user id
     * @return 16 hex digits of its SHA-256
     */
    public static String of(String userId) {
        return RECENT.get(userId, UserHash::sha256);
    }

    private static String sha256(String userId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
