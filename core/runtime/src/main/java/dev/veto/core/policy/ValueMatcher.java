package dev.veto.core.policy;

import java.util.List;
import java.util.regex.Pattern;

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
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        Pattern compiled = Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        return value -> compiled.matcher(value).matches();
    }
}
