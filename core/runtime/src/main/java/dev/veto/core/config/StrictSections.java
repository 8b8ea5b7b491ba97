package dev.veto.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reports settings the host does not know in sections whose keys are fixed, so that a typo such as
 * {@code veto.chain.input.dedline} fails at start-up instead of being silently ignored.
 *
 * <p>Sections that hold names chosen by the operator (instances, plugins, policy categories) are open and
 * not checked here; the reference marks them with {@code open-sections}.
 */
final class StrictSections {

    private StrictSections() {
    }

    static void check(Config merged, Config reference) {
        List<String> open = reference.getStringList("veto.config.open-sections");
        List<String> problems = new ArrayList<>();
        walk("veto", merged.getObject("veto"), reference.getObject("veto"), open, problems);
        if (!problems.isEmpty()) {
            throw new VetoConfigException(problems);
        }
    }

    private static void walk(String path, ConfigObject actual, ConfigObject known, List<String> open,
                             List<String> problems) {
        if (open.contains(path)) {
            return;
        }
        for (Map.Entry<String, ConfigValue> entry : actual.entrySet()) {
            String child = path + "." + entry.getKey();
            ConfigValue reference = known.get(entry.getKey());
            if (reference == null) {
                problems.add(ConfigProblems.describe(entry.getValue().origin(), child,
                        "unknown setting" + suggestion(entry.getKey(), known)));
            } else if (reference.valueType() == ConfigValueType.OBJECT
                    && entry.getValue().valueType() == ConfigValueType.OBJECT) {
                walk(child, (ConfigObject) entry.getValue(), (ConfigObject) reference, open, problems);
            }
        }
    }

    private static String suggestion(String key, ConfigObject known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known.keySet()) {
            int distance = distance(key, candidate);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        if (best != null && bestDistance <= Math.max(2, key.length() / 3)) {
            return " (did you mean '" + best + "'?)";
        }
        return known.isEmpty() ? "" : " (known here: " + String.join(", ", known.keySet().stream().sorted().toList()) + ")";
    }

    /** Levenshtein distance, for "did you mean" hints on short keys. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
