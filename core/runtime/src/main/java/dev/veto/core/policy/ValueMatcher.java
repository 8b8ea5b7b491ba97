package dev.veto.core.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Matches one fact of a request (tenant, role, locale…) or of a signal (category, classifier) against a
 * rule's condition: an exact value, a wildcard ({@code *} any run of characters, {@code ?} one character),
 * or a list of either (any may match). Matching is case-sensitive, except for locales: their patterns are
 * lower-cased when compiled, and the values they are given are lower-cased once per request.
 *
 * <p>One final class rather than a tree of lambdas: policies are evaluated on every request, and a
 * monomorphic call with a hash lookup beats a chain of megamorphic ones.
 */
final class ValueMatcher {

    /** Matches everything: the condition is absent. */
    static final ValueMatcher ANY = new ValueMatcher(true, Set.of(), new String[0], -1);

    private final boolean any;
    private final Set<String> literals;
    private final String[] globs;
    /** Its slot in a decision's memo of context conditions; -1 when not interned. */
    private final int id;

    private ValueMatcher(boolean any, Set<String> literals, String[] globs, int id) {
        this.any = any;
        this.literals = literals;
        this.globs = globs;
        this.id = id;
    }

    int id() {
        return id;
    }

    /** The same matcher with a memo slot. */
    ValueMatcher withId(int slot) {
        return new ValueMatcher(any, literals, globs, slot);
    }

    /**
     * Whether the request's value matches, worked out once per decision: many rules share a condition.
     *
     * @param value the request's value
     * @param memo  per decision, by matcher id: 0 unknown, 1 matches, 2 does not
     */
    boolean matches(String value, byte[] memo) {
        if (any) {
            return true;
        }
        if (id < 0) {
            return matches(value);
        }
        if (memo[id] == 0) {
            memo[id] = matches(value) ? (byte) 1 : (byte) 2;
        }
        return memo[id] == 1;
    }

    static ValueMatcher of(List<String> patterns, boolean ignoreCase) {
        Set<String> literals = new HashSet<>();
        List<String> globs = new java.util.ArrayList<>();
        for (String pattern : patterns) {
            String normalized = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
            if (normalized.equals("*")) {
                return new ValueMatcher(true, Set.of(), new String[0], -1);
            }
            if (normalized.indexOf('*') < 0 && normalized.indexOf('?') < 0) {
                literals.add(normalized);
            } else {
                globs.add(normalized);
            }
        }
        return new ValueMatcher(false, Set.copyOf(literals), globs.toArray(String[]::new), -1);
    }

    boolean matches(String value) {
        if (any || literals.contains(value)) {
            return true;
        }
        for (String glob : globs) {
            if (glob(glob, value)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this matcher is a real condition (for specificity). */
    boolean isCondition() {
        return this != ANY;
    }

    /**
     * Glob matching without regular expressions: {@code *} any run of characters, {@code ?} one character.
     * Linear in practice; backtracks only to the last {@code *}.
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
