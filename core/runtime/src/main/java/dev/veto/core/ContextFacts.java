package dev.veto.core;

import dev.veto.spi.request.RequestContext;
import java.util.regex.Pattern;

/**
 * The request context's facts are identifiers chosen by the caller, and they travel far: into metric tags,
 * audit lines, policy matches and the review console. Each is held to the shape of an identifier so that a
 * caller cannot break a log line, grow the metrics without bound with random names, or smuggle markup.
 */
final class ContextFacts {

    /** A tenant: a letter or digit, then letters, digits, '.', '_' or '-'; at most 64 characters. */
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Role, jurisdiction, channel, purpose: at most this long, no control characters. */
    private static final int MAX_FACT = 64;

    /** The user id is only ever stored hashed; the cap keeps a request's size in proportion. */
    private static final int MAX_USER_ID = 256;

    private ContextFacts() {
    }

    static void validate(RequestContext context) {
        if (!TENANT.matcher(context.tenant()).matches()) {
            throw new InvalidRequestException("the tenant must be 1 to 64 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        fact("role", context.userRole(), MAX_FACT);
        fact("jurisdiction", context.jurisdiction(), MAX_FACT);
        fact("channel", context.channel(), MAX_FACT);
        fact("purpose", context.purpose(), MAX_FACT);
        fact("user", context.userId(), MAX_USER_ID);
    }

    private static void fact(String name, String value, int max) {
        if (value.length() > max) {
            throw new InvalidRequestException("the " + name + " has " + value.length() + " characters; at most "
                    + max + " are accepted");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("the " + name + " contains a control character");
        }
    }
}
