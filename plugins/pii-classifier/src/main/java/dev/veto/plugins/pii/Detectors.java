package dev.veto.plugins.pii;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pattern-based detectors: a regular expression proposes candidates, a validator (checksum, range,
 * format) keeps the real ones. Patterns are linear-time (no nested quantifiers) so a megabyte of text
 * costs milliseconds.
 */
final class Detectors {

    /**
     * A regular expression with a validator of what it matched, and how much of a valid match the finding
     * covers (all of it, unless the format fixes a length the pattern cannot).
     */
    record PatternDetector(PiiKind kind, Pattern pattern, Predicate<String> valid, ToIntFunction<String> extent) {

        PatternDetector(PiiKind kind, Pattern pattern, Predicate<String> valid) {
            this(kind, pattern, valid, String::length);
        }

        void find(String text, List<Finding> out) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                int group = matcher.groupCount() >= 1 && matcher.group(1) != null ? 1 : 0;
                String candidate = matcher.group(group);
                if (valid.test(candidate)) {
                    out.add(new Finding(kind, matcher.start(group), matcher.start(group) + extent.applyAsInt(candidate)));
                }
            }
        }
    }

    private Detectors() {
    }

    static final PatternDetector EMAIL = new PatternDetector(PiiKind.EMAIL, Pattern.compile(
            "(?<![\\w.+-])[\\p{L}\\p{N}._%+-]{1,64}@[\\p{L}\\p{N}-]{1,63}(?:\\.[\\p{L}\\p{N}-]{1,63}){0,8}\\.\\p{L}{2,24}\\b"),
            email -> !email.startsWith(".") && !email.contains(".."));

    static final PatternDetector PAYMENT_CARD = new PatternDetector(PiiKind.PAYMENT_CARD, Pattern.compile(
            "(?<![\\d-])(?:\\d[ -]?){12,18}\\d(?![\\d-])"),
            candidate -> Checksums.paymentCard(Checksums.digitsOnly(candidate)));

    static final PatternDetector IBAN = new PatternDetector(PiiKind.IBAN, Pattern.compile(
            "\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b"),
            candidate -> Checksums.iban(candidate.replace(" ", "")), Detectors::ibanExtent);

    /** An IBAN's country fixes its length: a group after it (a year, an amount) is not part of the finding. */
    private static int ibanExtent(String candidate) {
        int length = Checksums.ibanLength(candidate.substring(0, 2));
        int seen = 0;
        for (int i = 0; i < candidate.length(); i++) {
            if (candidate.charAt(i) != ' ' && ++seen == length) {
                return i + 1;
            }
        }
        return candidate.length();
    }

    /** US SSN, UK NINO, Spanish DNI/NIE, Italian codice fiscale, Chinese resident ID, Korean RRN. */
    static final List<PatternDetector> NATIONAL_IDS = List.of(
            new PatternDetector(PiiKind.NATIONAL_ID, Pattern.compile("(?<![\\d-])(\\d{3}-\\d{2}-\\d{4})(?![\\d-])"),
                    ssn -> Checksums.usSsn(Checksums.digitsOnly(ssn))),
            new PatternDetector(PiiKind.NATIONAL_ID, Pattern.compile(
                    "\\b(?![DFIQUV])[A-Z](?![DFIOQUV])[A-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]\\b"),
                    nino -> !nino.startsWith("GB") && !nino.startsWith("NK") && !nino.startsWith("TN") && !nino.startsWith("ZZ")),
            new PatternDetector(PiiKind.NATIONAL_ID, Pattern.compile("\\b(\\d{8}[A-Z]|[XYZ]\\d{7}[A-Z])\\b"), Checksums::spanishId),
            new PatternDetector(PiiKind.NATIONAL_ID, Pattern.compile(
                    "\\b[A-Z]{6}\\d{2}[ABCDEHLMPRST]\\d{2}[A-Z]\\d{3}[A-Z]\\b"), cf -> true),
            new PatternDetector(PiiKind.NATIONAL_ID, Pattern.compile("(?<!\\d)(\\d{17}[\\dXx])(?!\\d)"), Checksums::chineseId),
            new PatternDetector(PiiKind.NATIONAL_ID, Pattern.compile("(?<![\\d-])(\\d{6}-\\d{7})(?![\\d-])"),
                    rrn -> Checksums.koreanRrn(Checksums.digitsOnly(rrn))));

    static final List<PatternDetector> IP_ADDRESSES = List.of(
            new PatternDetector(PiiKind.IP_ADDRESS, Pattern.compile("(?<![\\d.])(?:\\d{1,3}\\.){3}\\d{1,3}(?!\\d|\\.\\d)"),
                    Detectors::publicIpv4),
            new PatternDetector(PiiKind.IP_ADDRESS, Pattern.compile("(?<![\\w:.])[0-9A-Fa-f:]{2,39}(?![\\w:])"),
                    Detectors::ipv6));

    /** Credentials in known formats, and private keys. */
    static final List<PatternDetector> SECRETS = List.of(
            secret("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),                       // AWS access key id
            secret("\\bgh[pousr]_[A-Za-z0-9]{36,255}\\b"),                   // GitHub tokens
            secret("\\bgithub_pat_[A-Za-z0-9_]{60,255}\\b"),
            secret("\\bxox[abprs]-[A-Za-z0-9-]{10,200}"),                    // Slack
            secret("\\bAIza[0-9A-Za-z_-]{35}\\b"),                           // Google API key
            secret("\\b[rs]k_(?:live|test)_[0-9A-Za-z]{24,99}\\b"),          // Stripe
            secret("\\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{32,200}"),            // OpenAI, Anthropic style
            secret("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"), // JSON web token
            secret("-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"));

    /** The literal prefixes of the secret formats; a text with none of them holds no secret of those formats. */
    static final List<String> SECRET_PREFIXES = List.of("AKIA", "ASIA", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_",
            "xox", "AIza", "_live_", "_test_", "sk-", "eyJ", "-----BEGIN");

    /**
     * Whether a char can belong to a secret's prefix, as one of its rarer chars: every prefix holds an
     * upper-case A or J, an x, an underscore or a dash. Ordinary prose has none of them or few, and then the
     * prefixes are not searched at all.
     */
    static boolean isSecretPrefixCue(char c) {
        return c == '_' || c == '-' || c == 'A' || c == 'J' || c == 'x';
    }

    static boolean mayHoldSecret(String text) {
        for (String prefix : SECRET_PREFIXES) {
            if (text.contains(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static PatternDetector secret(String regex) {
        return new PatternDetector(PiiKind.SECRET, Pattern.compile(regex), s -> true);
    }

    /** An IPv6 address: hex groups of up to four digits, eight of them or fewer around one "::". */
    static boolean ipv6(String candidate) {
        int compressed = candidate.indexOf("::");
        if (compressed != candidate.lastIndexOf("::") || candidate.contains(":::")) {
            return false;
        }
        String[] head = compressed < 0 ? candidate.split(":", -1) : candidate.substring(0, compressed).split(":", -1);
        String[] tail = compressed < 0 ? new String[0] : candidate.substring(compressed + 2).split(":", -1);
        int groups = 0;
        for (String[] side : new String[][] {head, tail}) {
            for (String group : side) {
                if (group.isEmpty() && side.length == 1) {
                    continue; // "::1" or "fe80::"
                }
                if (group.isEmpty() || group.length() > 4) {
                    return false;
                }
                groups++;
            }
        }
        boolean hasLetter = candidate.chars().anyMatch(Character::isLetter);
        return compressed < 0 ? groups == 8 : groups >= 2 && groups <= 7 && (hasLetter || groups >= 3);
    }

    /** A routable IPv4 address: four octets up to 255, not a version number like 1.2.3.4 or a loopback. */
    static boolean publicIpv4(String address) {
        String[] octets = address.split("\\.");
        for (String octet : octets) {
            if (octet.length() > 1 && octet.startsWith("0") || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        int first = Integer.parseInt(octets[0]);
        return first != 0 && first != 127 && !address.toLowerCase(Locale.ROOT).equals("1.2.3.4")
                && !(Integer.parseInt(octets[0]) < 10 && Integer.parseInt(octets[1]) < 10 && Integer.parseInt(octets[2]) < 10);
    }
}
