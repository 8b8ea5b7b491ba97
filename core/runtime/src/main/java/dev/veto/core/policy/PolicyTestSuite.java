package dev.veto.core.policy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import dev.veto.core.Decision;
import dev.veto.core.InvalidRequestException;
import dev.veto.core.RequestBuilder;
import dev.veto.core.Veto;
import dev.veto.core.config.ConfigProblems;
import dev.veto.spi.policy.Verdict;
import dev.veto.spi.request.Modality;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Policy test cases: texts in contexts with the verdict (and optionally the rule and a category) the policy
 * must give them. A policy repository keeps them beside the policy ({@code tests/*.conf}) and runs them in
 * CI with {@code veto policy test FILE}.
 *
 * <pre>
 * cases = [
 *   { name = "bread", text = "How do I bake sourdough bread?", expect { verdict = allow } }
 *   { name = "researchers", text = "…",
 *     context { tenant = education-demo, role = researcher, jurisdiction = DE, locale = de, channel = chat,
 *               purpose = education, modality = text }
 *     expect { verdict = constrain, rule = "rule/tenant:education-demo/researchers-high-level", category = hate } }
 * ]
 * </pre>
 */
public final class PolicyTestSuite {

    private static final Set<String> CASE_KEYS = Set.of("name", "text", "context", "expect");
    private static final Set<String> CONTEXT_KEYS = Set.of("tenant", "user", "role", "jurisdiction", "locale", "channel",
            "purpose", "modality");
    private static final Set<String> EXPECT_KEYS = Set.of("verdict", "rule", "category");
    private static final List<String> MODALITIES = java.util.Arrays.stream(Modality.values())
            .map(m -> m.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();

    /** One case. */
    record Case(String name, String where, String text, Config context, Verdict verdict, Optional<String> rule,
                Optional<String> category) {
    }

    /**
     * The result of one case.
     *
     * @param name     the case's name
     * @param where    {@code file:line} of the case
     * @param passed   whether the decision met every expectation
     * @param expected what was expected, e.g. {@code CONSTRAIN by rule/…}
     * @param actual   what the decision was
     * @param reason   the decision's operator rationale
     */
    public record Result(String name, String where, boolean passed, String expected, String actual, String reason) {
    }

    private final List<Case> cases;

    private PolicyTestSuite(List<Case> cases) {
        this.cases = cases;
    }

    /**
     * Reads a test file.
     *
     * @param file the HOCON file
     * @return the suite
     * @throws PolicyException if the file is missing or malformed, with file and line
     */
    public static PolicyTestSuite read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new PolicyException(List.of(file + ": policy test file not found"));
        }
        List<String> problems = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        try {
            Config root = ConfigFactory.parseFile(file.toFile()).resolve();
            for (ConfigObject object : root.getObjectList("cases")) {
                Config c = object.toConfig();
                String where = ConfigProblems.where(object.origin());
                unknownKeys(c, CASE_KEYS, where, problems);
                if (!c.hasPath("name") || !c.hasPath("text") || !c.hasPath("expect.verdict")) {
                    problems.add(where + ": a case needs name, text and expect.verdict");
                    continue;
                }
                Config context = c.hasPath("context") ? c.getConfig("context") : ConfigFactory.empty();
                unknownKeys(context, CONTEXT_KEYS, where, problems);
                Config expect = c.getConfig("expect");
                unknownKeys(expect, EXPECT_KEYS, where, problems);
                if (context.hasPath("modality") && MODALITIES.stream().noneMatch(context.getString("modality")::equals)) {
                    problems.add(where + ": unknown modality '" + context.getString("modality") + "' (known: " + MODALITIES + ")");
                    continue;
                }
                Verdict verdict;
                try {
                    verdict = Verdict.valueOf(expect.getString("verdict").toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": unknown verdict '" + expect.getString("verdict") + "'");
                    continue;
                }
                cases.add(new Case(c.getString("name"), where, c.getString("text"), context, verdict,
                        optional(expect, "rule"), optional(expect, "category")));
            }
        } catch (ConfigException e) {
            problems.add(ConfigProblems.describe(e));
        }
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
        return new PolicyTestSuite(cases);
    }

    /**
     * The number of cases.
     *
     * @return the count
     */
    public int size() {
        return cases.size();
    }

    /**
     * Runs every case through a host: its plugins, its policy.
     *
     * @param veto the host
     * @return one result per case, in order
     */
    public List<Result> run(Veto veto) {
        List<Result> results = new ArrayList<>(cases.size());
        for (Case c : cases) {
            RequestBuilder request = veto.request(c.text())
                    .tenant(string(c.context(), "tenant")).userId(string(c.context(), "user"))
                    .userRole(string(c.context(), "role")).jurisdiction(string(c.context(), "jurisdiction"))
                    .locale(string(c.context(), "locale")).channel(string(c.context(), "channel"))
                    .purpose(string(c.context(), "purpose"));
            String modality = string(c.context(), "modality");
            if (modality != null) {
                request.modality(Modality.valueOf(modality.toUpperCase(Locale.ROOT).replace('-', '_')));
            }
            Decision decision;
            try {
                decision = veto.check(request.build());
            } catch (InvalidRequestException e) {
                results.add(new Result(c.name(), c.where(), false, c.verdict().toString(), "invalid request",
                        e.getMessage()));
                continue;
            }
            boolean passed = decision.verdict() == c.verdict()
                    && c.rule().map(decision.rule()::equals).orElse(true)
                    && c.category().map(decision.categories()::contains).orElse(true);
            String expected = c.verdict() + c.rule().map(r -> " by " + r).orElse("")
                    + c.category().map(k -> " in " + k).orElse("");
            String actual = decision.verdict() + " by " + decision.rule()
                    + (decision.categories().isEmpty() ? "" : " in " + String.join(", ", decision.categories()));
            results.add(new Result(c.name(), c.where(), passed, expected, actual, decision.reason()));
        }
        return results;
    }

    private static Optional<String> optional(Config config, String path) {
        return config.hasPath(path) ? Optional.of(config.getString(path)) : Optional.empty();
    }

    private static String string(Config config, String path) {
        return config.hasPath(path) ? config.getString(path) : null;
    }

    private static void unknownKeys(Config config, Set<String> known, String where, List<String> problems) {
        for (String key : config.root().keySet()) {
            if (!known.contains(key)) {
                problems.add(where + ": unknown key '" + key + "' (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }
}
