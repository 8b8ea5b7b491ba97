package dev.veto.store.review;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The hosts a client may name as the callback for a case's outcome ({@code veto.store.review.callback-hosts}):
 * exact names, or {@code *.example.com} for its subdomains. Nothing else is called, so a client cannot make
 * Veto send requests to arbitrary — internal — addresses.
 */
public final class CallbackTargets {

    private final List<String> hosts;

    /**
     * Creates the allowlist.
     *
     * @param hosts host names or {@code *.domain} patterns; empty: no callbacks
     */
    public CallbackTargets(List<String> hosts) {
        this.hosts = hosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }

    /**
     * Whether a callback URL may be called.
     *
     * @param url the URL a client gave
     * @return true for an http(s) URL to an allowed host
     */
    public boolean allows(String url) {
        return problem(url) == null;
    }

    /**
     * Why a callback URL may not be called.
     *
     * @param url the URL a client gave
     * @return the reason, or null when it is allowed
     */
    public String problem(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "the callback URL is not a valid URI";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return "the callback URL must be an absolute http or https URL";
        }
        if (uri.getUserInfo() != null) {
            return "the callback URL must not carry credentials";
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        for (String allowed : hosts) {
            if (allowed.equals(host) || allowed.startsWith("*.") && host.endsWith(allowed.substring(1))) {
                return null;
            }
        }
        return hosts.isEmpty() ? "callbacks are not enabled on this server (veto.store.review.callback-hosts)"
                : "the callback host " + host + " is not allowed (veto.store.review.callback-hosts)";
    }
}
