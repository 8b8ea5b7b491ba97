package dev.veto.core;

import dev.veto.spi.request.Request;
import dev.veto.spi.request.RequestContext;
import java.util.regex.Pattern;

/**
 * The request's id and its context's facts are chosen by the caller, and they travel far: into metric tags,
 * audit lines, policy matches and the review console. The tenant is held to the shape of an identifier, so
 * that random names cannot grow the metrics without bound; every fact is bounded in length and free of
 * control, format and line-separator characters, so that none can forge a log line or hide text. (Markup
 * in a role or a channel is still possible: whatever displays them escapes them.)
 */
public final class ContextFacts {

    /** A tenant: a letter or digit, then letters, digits, '.', '_' or '-'; at most 64 characters. */
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Role, jurisdiction, channel, purpose: at most this long. */
    private static final int MAX_FACT = 64;

    /** Request ids and user ids (the latter only ever stored hashed): at most this long. */
    private static final int MAX_ID = 256;

    private ContextFacts() {
    }

    /**
     * Whether a name is a valid tenant — for configuration that names tenants (API keys, overlays), checked
     * at start-up rather than on every request.
     *
     * @param name the name
     * @return whether requests may carry it as their tenant
     */
    public static boolean isTenant(String name) {
        return name != null && TENANT.matcher(name).matches();
    }

    static void validate(Request request) {
        fact("request id", request.id(), MAX_ID);
        RequestContext context = request.context();
        if (!isTenant(context.tenant())) {
            throw new InvalidRequestException("the tenant must be 1 to 64 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        fact("role", context.userRole(), MAX_FACT);
        fact("jurisdiction", context.jurisdiction(), MAX_FACT);
        fact("channel", context.channel(), MAX_FACT);
        fact("purpose", context.purpose(), MAX_FACT);
        fact("user id", context.userId(), MAX_ID);
    }

    private static void fact(String name, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            throw new InvalidRequestException("the " + name + " has " + value.length() + " characters; at most "
                    + max + " are accepted");
        }
        if (value.chars().anyMatch(ContextFacts::isHidden)) {
            throw new InvalidRequestException("the " + name + " contains a control, format or line-separator character");
        }
    }

    /** Characters that break or fake a line, or are invisible: controls, bidi and zero-width formats, separators. */
    private static boolean isHidden(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
