package dev.veto.core.policy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.veto.core.config.ConfigProblems;
import dev.veto.spi.policy.Constraint;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.request.Modality;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the merged settings of a base policy and its overlays into a {@link CompiledPolicy}, collecting every
 * problem with its file and line instead of stopping at the first.
 */
final class PolicyCompiler {

    static final Set<String> BASE_KEYS = Set.of("name", "preset", "presets", "on-component-failure", "on-escalation-expiry", "tone",
            "second-tier", "taxonomy", "thresholds", "constraints", "categories", "rules");
    static final Set<String> OVERLAY_KEYS = Set.of("preset", "on-component-failure", "on-escalation-expiry", "tone", "second-tier",
            "thresholds", "constraints", "categories", "rules");
    private static final Set<String> RULE_KEYS = Set.of("id", "description", "priority", "when", "then");
    private static final Set<String> CONTEXT_KEYS = Set.of("tenant", "role", "jurisdiction", "locale", "channel",
            "modality", "purpose");
    private static final Set<String> SIGNAL_KEYS = Set.of("category", "classifier", "min-score", "max-score",
            "unconfirmed-by");
    private static final Set<String> UNCONFIRMED_KEYS = Set.of("classifier", "below");
    private static final Set<String> THEN_KEYS = Set.of("verdict", "constraints", "template");
    private static final Set<String> THRESHOLD_KEYS = Set.of("constrain", "escalate", "refuse", "constraints");

    /** A rules list from one file, with the scope its ids are prefixed with. */
    record RuleList(Config file, String scope) {
    }

    private static final String KNOWN_CONSTRAINTS = Arrays.stream(Constraint.values())
            .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", "));

    private final List<String> problems = new ArrayList<>();
    private final Set<String> taxonomy;
    /** Context matchers by key and patterns: rules sharing a condition share one memo slot. */
    private final Map<String, ValueMatcher> contextMatchers = new java.util.HashMap<>();

    PolicyCompiler(Set<String> taxonomy) {
        this.taxonomy = taxonomy;
    }

    List<String> problems() {
        return problems;
    }

    /** Reads the taxonomy of a base policy file. */
    static Set<String> taxonomy(Config base, List<String> problems) {
        Set<String> ids = new java.util.TreeSet<>();
        if (!base.hasPath("taxonomy")) {
            problems.add(PolicyException.at(base.origin(), "taxonomy", "the base policy needs a taxonomy of categories"));
            return ids;
        }
        ConfigObject taxonomy = base.getObject("taxonomy");
        for (Map.Entry<String, ConfigValue> entry : taxonomy.entrySet()) {
            if (entry.getValue().valueType() != ConfigValueType.OBJECT) {
                problems.add(PolicyException.at(entry.getValue().origin(), "taxonomy." + entry.getKey(),
                        "a category is an object such as { code = S1, title = \"Violent crimes\" }"));
            }
            ids.add(entry.getKey());
        }
        return ids;
    }

    /** Checks that a file holds only keys the policy format knows. */
    void checkKeys(Config file, Set<String> allowed, String what) {
        for (Map.Entry<String, ConfigValue> entry : file.root().entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                problems.add(PolicyException.at(entry.getValue().origin(), entry.getKey(),
                        "not allowed in " + what + " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")"));
            }
        }
    }

    CompiledPolicy compile(String name, String version, Config merged, List<RuleList> ruleLists) {
        double offset = presetOffset(merged);
        Set<Constraint> defaultConstraints = merged.hasPath("constraints")
                ? constraints(merged, "constraints") : EnumSet.of(Constraint.HIGH_LEVEL_ONLY);
        Thresholds defaults = thresholds(merged.getConfig("thresholds"), "thresholds", defaultConstraints).shifted(offset);
        Map<String, Thresholds> categories = new LinkedHashMap<>();
        if (merged.hasPath("categories")) {
            for (Map.Entry<String, ConfigValue> entry : merged.getObject("categories").entrySet()) {
                String category = entry.getKey();
                String path = ConfigUtil.joinPath("categories", category);
                if (!taxonomy.contains(category)) {
                    problems.add(PolicyException.at(entry.getValue().origin(), path, unknownCategory(category)));
                    continue;
                }
                Config block = merged.getConfig(path);
                checkKeys(block, THRESHOLD_KEYS, "a category's thresholds");
                Set<Constraint> constraints = block.hasPath("constraints") ? constraints(block, "constraints") : defaultConstraints;
                categories.put(category, thresholds(block.withFallback(merged.getConfig("thresholds")), path, constraints)
                        .shifted(offset));
            }
        }
        List<PolicyRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (RuleList list : ruleLists) {
            if (!list.file().hasPath("rules")) {
                continue;
            }
            List<? extends ConfigObject> objects;
            try {
                objects = list.file().getObjectList("rules");
            } catch (ConfigException.WrongType e) {
                problems.add(PolicyException.at(list.file().getValue("rules").origin(), "rules", "rules is a list of objects"));
                continue;
            }
            for (ConfigObject object : objects) {
                PolicyRule rule = rule(object.toConfig(), list.scope(), rules.size());
                if (rule == null) {
                    continue;
                }
                if (!ids.add(rule.id())) {
                    problems.add(PolicyException.at(object.origin(), "rules", "duplicate rule id '" + rule.id() + "'"));
                }
                rules.add(rule);
            }
        }
        return new CompiledPolicy(name, version, merged.hasPath("tone") ? merged.getString("tone") : "neutral",
                failureVerdict(merged), expiryVerdict(merged), secondTierAlways(merged), defaults, categories, rules, contextMatchers.size());
    }

    private double presetOffset(Config merged) {
        if (!merged.hasPath("preset")) {
            return 0;
        }
        String preset = merged.getString("preset");
        String path = ConfigUtil.joinPath("presets", preset);
        if (!merged.hasPath(path)) {
            problems.add(PolicyException.at(merged.getValue("preset").origin(), "preset", "unknown preset '" + preset
                    + "' (defined: " + (merged.hasPath("presets") ? merged.getObject("presets").keySet() : "none") + ")"));
            return 0;
        }
        try {
            return merged.getDouble(path);
        } catch (ConfigException e) {
            problems.add(PolicyException.at(merged.getValue(path).origin(), path, "a preset is a threshold offset such as -0.15"));
            return 0;
        }
    }

    private PolicyRule rule(Config rule, String scope, int order) {
        int before = problems.size();
        checkKeys(rule, RULE_KEYS, "a rule");
        if (!rule.hasPath("id") || !rule.hasPath("then")) {
            problems.add(PolicyException.at(rule.origin(), "rules", "a rule needs an id and a then { verdict = … }"));
            return null;
        }
        String id = scope.isEmpty() ? rule.getString("id") : scope + "/" + rule.getString("id");
        Config when = rule.hasPath("when") ? rule.getConfig("when") : ConfigFactory.empty();
        Set<String> whenKeys = new HashSet<>(CONTEXT_KEYS);
        whenKeys.addAll(SIGNAL_KEYS);
        checkKeys(when, whenKeys, "a rule's when");
        Config then = rule.getConfig("then");
        checkKeys(then, THEN_KEYS, "a rule's then");

        Map<String, List<String>> conditions = new LinkedHashMap<>();
        ValueMatcher[] context = new ValueMatcher[CONTEXT_ORDER.size()];
        for (int i = 0; i < CONTEXT_ORDER.size(); i++) {
            String key = CONTEXT_ORDER.get(i);
            ValueMatcher matcher = matcher(when, key, conditions);
            context[i] = matcher == ValueMatcher.ANY ? matcher
                    : contextMatchers.computeIfAbsent(key + '\u0000' + conditions.get(key), k -> matcher.withId(contextMatchers.size()));
        }
        ValueMatcher category = matcher(when, "category", conditions);
        ValueMatcher classifier = matcher(when, "classifier", conditions);
        for (String value : conditions.getOrDefault("category", List.of())) {
            if (value.indexOf('*') < 0 && value.indexOf('?') < 0 && !taxonomy.contains(value)) {
                problems.add(PolicyException.at(when.getValue("category").origin(), "rules[" + id + "].when.category", unknownCategory(value)));
            }
        }
        for (String value : conditions.getOrDefault("modality", List.of())) {
            if (value.indexOf('*') < 0 && value.indexOf('?') < 0 && MODALITIES.stream().noneMatch(value::equals)) {
                problems.add(PolicyException.at(when.getValue("modality").origin(), "rules[" + id + "].when.modality",
                        "unknown modality '" + value + "' (known: " + MODALITIES + ")"));
            }
        }
        OptionalDouble min = score(when, "min-score", id);
        OptionalDouble max = score(when, "max-score", id);
        if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
            problems.add(PolicyException.at(when.getValue("min-score").origin(), "rules[" + id + "].when",
                    "min-score is above max-score: the rule can never match"));
        }
        if (min.isPresent()) {
            conditions.put("min-score", List.of(String.valueOf(min.getAsDouble())));
        }
        if (max.isPresent()) {
            conditions.put("max-score", List.of(String.valueOf(max.getAsDouble())));
        }
        PolicyRule.Unconfirmed unconfirmed = unconfirmed(when, id, conditions);
        boolean signalRule = SIGNAL_KEYS.stream().anyMatch(when::hasPath);
        Verdict verdict = verdict(then, id);
        Set<Constraint> constraints = then.hasPath("constraints") ? constraints(then, "constraints") : EnumSet.noneOf(Constraint.class);
        if (verdict == Verdict.CONSTRAIN && constraints.isEmpty()) {
            constraints = EnumSet.of(Constraint.HIGH_LEVEL_ONLY);
        }
        int priority = 0;
        if (rule.hasPath("priority")) {
            try {
                priority = rule.getInt("priority");
            } catch (ConfigException e) {
                problems.add(PolicyException.at(rule.getValue("priority").origin(), "rules[" + id + "].priority", "a priority is an integer"));
            }
        }
        if (problems.size() > before || verdict == null) {
            return null;
        }
        return new PolicyRule(id, ConfigProblems.where(rule.origin()), priority, conditions.size(), order,
                context[0], context[1], context[2], context[3], context[4], context[5], context[6],
                category, classifier, min, max, unconfirmed, signalRule, verdict, constraints,
                then.hasPath("template") ? then.getString("template") : "", conditions);
    }

    /** The context keys in the order {@link PolicyRule}'s constructor takes them. */
    private static final List<String> CONTEXT_ORDER = List.of("tenant", "role", "jurisdiction", "locale", "channel",
            "modality", "purpose");
    private static final List<String> MODALITIES = java.util.Arrays.stream(Modality.values())
            .map(m -> m.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();

    private ValueMatcher matcher(Config when, String key, Map<String, List<String>> conditions) {
        if (!when.hasPath(key)) {
            return ValueMatcher.ANY;
        }
        List<String> patterns;
        ConfigValue value = when.getValue(key);
        if (value.valueType() == ConfigValueType.LIST) {
            patterns = when.getStringList(key);
        } else if (value.valueType() == ConfigValueType.STRING || value.valueType() == ConfigValueType.NUMBER
                || value.valueType() == ConfigValueType.BOOLEAN) {
            patterns = List.of(when.getString(key));
        } else {
            problems.add(PolicyException.at(value.origin(), "when." + key, "expected a value or a list of values"));
            return ValueMatcher.ANY;
        }
        if (patterns.isEmpty()) {
            problems.add(PolicyException.at(value.origin(), "when." + key, "an empty list matches nothing: the rule can never fire"));
        }
        conditions.put(key, patterns);
        return ValueMatcher.of(patterns, key.equals("locale"));
    }

    /** {@code unconfirmed-by { classifier = semantic, below = 0.3 }}, or {@code null} where the rule has none. */
    private PolicyRule.Unconfirmed unconfirmed(Config when, String id, Map<String, List<String>> conditions) {
        if (!when.hasPath("unconfirmed-by")) {
            return null;
        }
        String where = "rules[" + id + "].when.unconfirmed-by";
        if (when.getValue("unconfirmed-by").valueType() != ConfigValueType.OBJECT) {
            problems.add(PolicyException.at(when.getValue("unconfirmed-by").origin(), where,
                    "write unconfirmed-by { classifier = …, below = … }"));
            return null;
        }
        Config condition = when.getConfig("unconfirmed-by");
        checkKeys(condition, UNCONFIRMED_KEYS, "unconfirmed-by");
        Map<String, List<String>> own = new LinkedHashMap<>();
        ValueMatcher classifier = matcher(condition, "classifier", own);
        OptionalDouble below = score(condition, "below", id);
        if (classifier == ValueMatcher.ANY || below.isEmpty()) {
            problems.add(PolicyException.at(condition.origin(), where, "needs a classifier and a score it stays below"));
            return null;
        }
        List<String> written = new ArrayList<>(own.get("classifier"));
        written.add("below " + below.getAsDouble());
        conditions.put("unconfirmed-by", written);
        return new PolicyRule.Unconfirmed(classifier, below.getAsDouble());
    }

    private OptionalDouble score(Config when, String key, String id) {
        if (!when.hasPath(key)) {
            return OptionalDouble.empty();
        }
        try {
            double value = when.getDouble(key);
            if (value < 0 || value > 1) {
                problems.add(PolicyException.at(when.getValue(key).origin(), "rules[" + id + "].when." + key, "a score lies in [0, 1]"));
            }
            return OptionalDouble.of(value);
        } catch (ConfigException e) {
            problems.add(PolicyException.at(when.getValue(key).origin(), "rules[" + id + "].when." + key, "a score is a number in [0, 1]"));
            return OptionalDouble.empty();
        }
    }

    private Verdict verdict(Config then, String id) {
        if (!then.hasPath("verdict")) {
            problems.add(PolicyException.at(then.origin(), "rules[" + id + "].then", "missing verdict (allow, constrain, escalate, refuse)"));
            return null;
        }
        String value = then.getString("verdict");
        try {
            return Verdict.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(PolicyException.at(then.getValue("verdict").origin(), "rules[" + id + "].then.verdict",
                    "unknown verdict '" + value + "' (allow, constrain, escalate, refuse)"));
            return null;
        }
    }

    private Thresholds thresholds(Config block, String path, Set<Constraint> constraints) {
        return new Thresholds(threshold(block, path, "constrain"), threshold(block, path, "escalate"),
                threshold(block, path, "refuse"), constraints);
    }

    private OptionalDouble threshold(Config block, String path, String verdict) {
        if (!block.hasPathOrNull(verdict) || block.getIsNull(verdict)) {
            return OptionalDouble.empty();
        }
        ConfigValue value = block.getValue(verdict);
        if (value.valueType() == ConfigValueType.STRING && "off".equals(value.unwrapped())) {
            return OptionalDouble.empty();
        }
        try {
            double threshold = block.getDouble(verdict);
            if (threshold < 0 || threshold > 1) {
                problems.add(PolicyException.at(value.origin(), path + "." + verdict,
                        "a threshold must lie in [0, 1] or be off, got " + threshold));
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(threshold);
        } catch (ConfigException.WrongType e) {
            problems.add(PolicyException.at(value.origin(), path + "." + verdict,
                    "a threshold must be a number in [0, 1] or off, got " + value.render()));
            return OptionalDouble.empty();
        }
    }

    private Set<Constraint> constraints(Config block, String key) {
        Set<Constraint> constraints = EnumSet.noneOf(Constraint.class);
        List<String> names;
        try {
            names = block.getStringList(key);
        } catch (ConfigException e) {
            problems.add(PolicyException.at(block.getValue(key).origin(), key, "constraints are a list of names"));
            return constraints;
        }
        for (String name : names) {
            try {
                constraints.add(Constraint.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                problems.add(PolicyException.at(block.getValue(key).origin(), key, "unknown constraint '" + name
                        + "' (known: " + KNOWN_CONSTRAINTS + ")"));
            }
        }
        return constraints;
    }

    private Verdict failureVerdict(Config merged) {
        if (!merged.hasPath("on-component-failure")) {
            return Verdict.REFUSE;
        }
        String value = merged.getString("on-component-failure");
        return switch (value) {
            case "refuse" -> Verdict.REFUSE;
            case "escalate" -> Verdict.ESCALATE;
            default -> {
                problems.add(PolicyException.at(merged.getValue("on-component-failure").origin(), "on-component-failure",
                        "expected refuse or escalate, got '" + value + "'"));
                yield Verdict.REFUSE;
            }
        };
    }

    /** {@code on-escalation-expiry}: the verdict of an escalated case nobody decided in time. */
    private Verdict expiryVerdict(Config merged) {
        if (!merged.hasPath("on-escalation-expiry")) {
            return Verdict.REFUSE;
        }
        String value = merged.getString("on-escalation-expiry");
        return switch (value) {
            case "allow" -> Verdict.ALLOW;
            case "constrain" -> Verdict.CONSTRAIN;
            case "refuse" -> Verdict.REFUSE;
            default -> {
                problems.add(PolicyException.at(merged.getValue("on-escalation-expiry").origin(), "on-escalation-expiry",
                        "expected allow, constrain or refuse, got '" + value + "'"));
                yield Verdict.REFUSE;
            }
        };
    }

    /** {@code second-tier = always}: the cascade's costly classifiers run on every request this policy governs. */
    private boolean secondTierAlways(Config merged) {
        if (!merged.hasPath("second-tier")) {
            return false;
        }
        String value = merged.getString("second-tier");
        return switch (value) {
            case "cascade" -> false;
            case "always" -> true;
            default -> {
                problems.add(PolicyException.at(merged.getValue("second-tier").origin(), "second-tier",
                        "expected cascade or always, got '" + value + "'"));
                yield false;
            }
        };
    }

    private String unknownCategory(String category) {
        return "unknown category '" + category + "' (not in the taxonomy; add it there to extend it)";
    }
}
