package com.acme.veto.secrets;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The credential formats the classifier knows. Each names the evidence it leaves in a signal: the kind of
 * secret, never the secret itself (signals end up in audit records and logs).
 */
enum SecretDetector {

    /** AWS access key ids: AKIA (long-term) or ASIA (temporary) and 16 upper-case letters or digits. */
    AWS_ACCESS_KEY(Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), true),
    /** GitHub personal access, OAuth, user-to-server, server-to-server and refresh tokens. */
    GITHUB_TOKEN(Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,255}\\b"), true),
    /** Slack bot, user, app and workspace tokens. */
    SLACK_TOKEN(Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,200}"), true),
    /** The header of a PEM private key of any algorithm. */
    PRIVATE_KEY(Pattern.compile("-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----"), true),
    /**
     * A value assigned to a secret-sounding name in code or config ({@code api_key = "…"}); group 1 is the
     * value, judged by length and entropy.
     */
    ASSIGNED_SECRET(Pattern.compile("(?i)\\b(?:api[_-]?key|secret(?:[_-]?key)?|access[_-]?token|auth[_-]?token|password|passwd)"
            + "[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9_\\-/+=.]{8,256})"), false);

    private final Pattern pattern;
    private final boolean knownFormat;

    SecretDetector(Pattern pattern, boolean knownFormat) {
        this.pattern = pattern;
        this.knownFormat = knownFormat;
    }

    Pattern pattern() {
        return pattern;
    }

    /** Whether a match is a credential by its format alone (no entropy check needed). */
    boolean knownFormat() {
        return knownFormat;
    }

    /** The name used in configuration and in evidence, e.g. {@code aws-access-key}. */
    String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Looks a detector up by its configuration name.
     *
     * @throws IllegalArgumentException naming the known detectors
     */
    static SecretDetector byId(String id) {
        for (SecretDetector detector : values()) {
            if (detector.id().equals(id)) {
                return detector;
            }
        }
        throw new IllegalArgumentException("unknown detector '" + id + "'; known: aws-access-key, github-token, "
                + "slack-token, private-key, assigned-secret");
    }

    /** Shannon entropy in bits per character: how random a value looks. */
    static double entropy(CharSequence value) {
        if (value.length() == 0) {
            return 0;
        }
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double bits = 0;
        for (int count : counts) {
            bits += term(count, value.length());
        }
        return bits + term(other, value.length());
    }

    private static double term(int count, int total) {
        if (count == 0) {
            return 0;
        }
        double p = (double) count / total;
        return -p * (Math.log(p) / Math.log(2));
    }
}
