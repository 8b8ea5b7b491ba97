package dev.veto.core.policy;

import java.util.List;
import java.util.Locale;

/**
 * Matches one fact of a request (tenant, role, locale…) or of a signal (category, classifier) against a
 * rule's condition: an exact value, a wildcard ({@code *} any run of characters, {@code ?} one character),
 * or a list of either (any may match). Matching is case-sensitive, except for locales.
 */
interface ValueMatcher {

    /** Matches everything: the condition is absent. */
    ValueMatcher ANY = value -> true;

    boolean matches(String value);

    /** Whether this matcher is a real condition (for specificity). */
    default boolean isCondition() {
        return this != ANY;
    }

    static ValueMatcher of(List<String> patterns, boolean ignoreCase) {
        List<ValueMatcher> alternatives = patterns.stream().map(p -> single(p, ignoreCase)).toList();
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        return value -> {
            for (ValueMatcher alternative : alternatives) {
                if (alternative.matches(value)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static ValueMatcher single(String pattern, boolean ignoreCase) {
        if (pattern.equals("*")) {
            return value -> true;
        }
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return ignoreCase ? pattern::equalsIgnoreCase : pattern::equals;
        }
        String glob = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        return ignoreCase ? value -> glob(glob, value.toLowerCase(Locale.ROOT)) : value -> glob(glob, value);
    }

    /**
     * Glob matching without regular expressions (policies are evaluated on every request): {@code *} any run
     * of characters, {@code ?} one character. Linear in practice; backtracks only to the last {@code *}.
     */
    static boolean glob(String pattern, String value) {
        int p = 0;
        int v = 0;
        int star = -1;
        int resume = 0;
        while (v < value.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
                p++;
                v++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = v;
            } else if (star >= 0) {
                p = star + 1;
                v = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
