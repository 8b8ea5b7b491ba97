package dev.veto.store.reviewer;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Reviewer passwords as configured: {@code pbkdf2-sha256:<iterations>:<salt>:<hash>} (base64), never in
 * clear. PBKDF2 with HMAC-SHA-256 is in every JDK and is what NIST SP 800-132 describes.
 */
public final class PasswordHash {

    private static final String PREFIX = "pbkdf2-sha256";
    private static final int ITERATIONS = 210_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /**
     * Hashes a password with a fresh salt.
     *
     * @param password the password
     * @return the encoded hash for the configuration
     */
    public static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return PREFIX + ":" + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS));
    }

    /**
     * Checks a password against an encoded hash, in constant time.
     *
     * @param password the password given
     * @param encoded  the configured hash
     * @return whether they match; false for a malformed hash
     */
    public static boolean matches(String password, String encoded) {
        String[] parts = encoded.split(":");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether a configured value has the shape of a hash this class writes.
     *
     * @param encoded the configured value
     * @return true if it could be checked against
     */
    public static boolean wellFormed(String encoded) {
        String[] parts = encoded.split(":");
        return parts.length == 4 && parts[0].equals(PREFIX) && parts[1].matches("[0-9]{4,7}");
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is required of every JVM", e);
        }
    }

}
