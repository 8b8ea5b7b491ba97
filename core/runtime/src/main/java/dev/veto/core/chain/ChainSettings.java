package dev.veto.core.chain;

import com.typesafe.config.Config;
import dev.veto.core.config.VetoConfigException;
import dev.veto.spi.policy.Constraint;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.request.Role;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The chain's settings from {@code veto.chain}: each stage's deadline and failure behaviour, whether the user
 * turns before the latest are judged too (and how many of the latest are read together), which other roles'
 * messages are judged as well, whether exchanges
 * Veto refused are dropped from a conversation sent back, which retrievers, generator and escalator to use,
 * and the steering text for each constraint.
 */
record ChainSettings(StageSettings input, boolean judgeEarlierTurns, int jointTurns, Set<Role> alsoJudged,
                     boolean alsoJudgedByCascade, Map<Role, Set<String>> alsoJudgeIgnore, boolean dropRefusedExchanges,
                     StageSettings retrieve, StageSettings generate, StageSettings output,
                     StageSettings escalate, java.util.List<String> retrievers, Set<Verdict> retrieveWhen,
                     int retrieveLimit, String generator, int maxTokens, String escalator,
                     Map<Constraint, String> steering) {

    private static int atLeastOne(Config config, String path) {
        int value = config.getInt(path);
        if (value < 1) {
            throw VetoConfigException.at(config.getValue(path).origin(), path, "must be at least 1, was " + value);
        }
        return value;
    }

    /** A setting with two named values: true for the first. */
    private static boolean either(Config config, String path, String yes, String no) {
        String value = config.getString(path);
        if (value.equals(yes) || value.equals(no)) {
            return value.equals(yes);
        }
        throw VetoConfigException.at(config.getValue(path).origin(), path,
                "must be " + yes + " or " + no + ", was '" + value + "'");
    }

    /** The roles besides the user's whose messages are judged on input ({@code veto.chain.input.also-judge}). */
    private static Set<Role> alsoJudged(Config config) {
        String path = "veto.chain.input.also-judge";
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : config.getStringList(path)) {
            roles.add(otherRole(config, path, name));
        }
        return java.util.Collections.unmodifiableSet(roles); // in the enum's order, so traces read alike
    }

    /** Per other role, the categories whose signals do not count there ({@code veto.chain.input.also-judge-ignore}). */
    private static Map<Role, Set<String>> alsoJudgeIgnore(Config config) {
        String path = "veto.chain.input.also-judge-ignore";
        Map<Role, Set<String>> ignored = new EnumMap<>(Role.class);
        for (String name : config.getConfig(path).root().keySet()) {
            // aliases (developer and system, function and tool) add up
            ignored.computeIfAbsent(otherRole(config, path, name), role -> new java.util.HashSet<>())
                    .addAll(config.getStringList(path + "." + name));
        }
        ignored.replaceAll((role, categories) -> Set.copyOf(categories));
        return java.util.Collections.unmodifiableMap(ignored);
    }

    /** A role besides the user's, by the names the HTTP API reads them with. */
    private static Role otherRole(Config config, String path, String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "system", "developer" -> Role.SYSTEM;
            case "assistant" -> Role.ASSISTANT;
            case "tool", "function" -> Role.TOOL;
            case "user" -> throw VetoConfigException.at(config.getValue(path).origin(), path,
                    "user messages are always judged (veto.chain.input.earlier-turns sets whether the earlier ones are)");
            default -> throw VetoConfigException.at(config.getValue(path).origin(), path,
                    "unknown role '" + name + "' (system, assistant or tool)");
        };
    }

    static ChainSettings read(Config config) {
        Set<Verdict> when = EnumSet.noneOf(Verdict.class);
        for (String verdict : config.getStringList("veto.chain.retrieve.when")) {
            try {
                when.add(Verdict.valueOf(verdict.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw VetoConfigException.at(config.getValue("veto.chain.retrieve.when").origin(),
                        "veto.chain.retrieve.when", "unknown verdict '" + verdict + "' (allow, constrain, escalate, refuse)");
            }
        }
        Map<Constraint, String> steering = new EnumMap<>(Constraint.class);
        for (Constraint constraint : Constraint.values()) {
            steering.put(constraint, config.getString("veto.chain.generate.steering."
                    + constraint.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        }
        return new ChainSettings(
                StageSettings.read(config, "input"),
                either(config, "veto.chain.input.earlier-turns", "judge", "ignore"),
                atLeastOne(config, "veto.chain.input.joint-turns"),
                alsoJudged(config),
                either(config, "veto.chain.input.also-judge-tiers", "cascade", "first"),
                alsoJudgeIgnore(config),
                either(config, "veto.chain.input.refused-exchanges", "drop", "keep"),
                StageSettings.read(config, "retrieve"),
                StageSettings.read(config, "generate"),
                StageSettings.read(config, "output"),
                StageSettings.read(config, "escalate"),
                config.getStringList("veto.chain.retrieve.retrievers"),
                when,
                atLeastOne(config, "veto.chain.retrieve.limit"),
                config.getString("veto.chain.generate.generator"),
                atLeastOne(config, "veto.chain.generate.max-tokens"),
                config.getString("veto.chain.escalate.escalator"),
                steering);
    }
}
