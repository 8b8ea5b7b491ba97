package dev.veto.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks that every setting has the type its default has. Typesafe Config's {@code checkValid} lets a
 * string stand for a number or a duration (it might parse later); this check parses it now, so that
 * {@code max-chars = lots} or {@code deadline = soon} fails at start-up with its file and line rather than
 * on first use.
 */
final class TypedSettings {

    /** A default written as a duration, e.g. {@code 250ms} or {@code 30s}. */
    private static final Pattern DURATION = Pattern.compile("\\d+\\s*(ns|us|ms|s|m|h|d|seconds?|minutes?|hours?|days?)");

    private TypedSettings() {
    }

    static void check(Config merged, Config reference) {
        List<String> problems = new ArrayList<>();
        walk("veto", reference.getObject("veto"), merged, problems);
        if (!problems.isEmpty()) {
            throw new VetoConfigException(problems);
        }
    }

    private static void walk(String path, ConfigObject defaults, Config merged, List<String> problems) {
        for (Map.Entry<String, ConfigValue> entry : defaults.entrySet()) {
            String child = path + "." + ConfigUtil.joinPath(entry.getKey());
            ConfigValue value = entry.getValue();
            if (!merged.hasPath(child)) {
                continue;
            }
            try {
                switch (value.valueType()) {
                    case OBJECT -> {
                        if (merged.getValue(child).valueType() == ConfigValueType.OBJECT) {
                            walk(child, (ConfigObject) value, merged, problems);
                        }
                    }
                    case NUMBER -> merged.getNumber(child);
                    case BOOLEAN -> merged.getBoolean(child);
                    case STRING -> {
                        if (DURATION.matcher(String.valueOf(value.unwrapped()).trim()).matches()) {
                            merged.getDuration(child);
                        }
                    }
                    default -> {
                    }
                }
            } catch (ConfigException.WrongType | ConfigException.BadValue e) {
                ConfigValue actual = merged.getValue(child);
                problems.add(ConfigProblems.describe(actual.origin(), child, "expected " + expected(value)
                        + ", got " + actual.render()));
            }
        }
    }

    private static String expected(ConfigValue value) {
        return switch (value.valueType()) {
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case STRING -> "a duration such as " + value.unwrapped();
            default -> value.valueType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
