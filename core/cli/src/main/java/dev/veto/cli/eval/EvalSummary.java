package dev.veto.cli.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The numbers of one evaluation run, as written to {@code summary.json}.
 *
 * @param configuration  which configuration was evaluated
 * @param policyVersion  the policy it ran
 * @param totals         clean prompts, all sets
 * @param bySource       clean prompts, by set
 * @param byCategory     clean prompts, by {@code set/category}
 * @param byLanguage     clean prompts, by language
 * @param latencyMicros  check latency percentiles of the clean prompts
 * @param robustness     obfuscated variants of the unsafe prompts, when asked for
 * @param baseline       the comparison with a baseline configuration, when asked for
 * @param problems       input lines that were skipped
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvalSummary(String configuration, @JsonProperty("policy_version") String policyVersion, Rates totals,
                          @JsonProperty("by_source") Map<String, Rates> bySource,
                          @JsonProperty("by_category") Map<String, Rates> byCategory,
                          @JsonProperty("by_language") Map<String, Rates> byLanguage,
                          @JsonProperty("latency_us") Map<String, Long> latencyMicros, Robustness robustness,
                          Comparison baseline, List<String> problems) {

    /**
     * Catch rates of the obfuscated variants beside the clean ones.
     *
     * @param clean      the clean unsafe prompts' catch rate
     * @param transforms per obfuscation: its counts and the drop in points from the clean rate
     */
    public record Robustness(@JsonProperty("clean_catch_rate") Double clean, Map<String, TransformRates> transforms) {
    }

    /**
     * One obfuscation's result.
     *
     * @param rates      its counts
     * @param dropPoints clean catch rate minus this one, in percentage points
     */
    public record TransformRates(Rates rates, @JsonProperty("drop_points") Double dropPoints) {
    }

    /**
     * How the verdicts differ from a baseline configuration's on the same prompts.
     *
     * @param configuration    the baseline's configuration
     * @param totals           the baseline's totals
     * @param changed          prompts whose verdict differs
     * @param newlyCaught      unsafe prompts the baseline allowed and this run catches
     * @param newlyMissed      unsafe prompts the baseline caught and this run allows
     * @param newlyOverRefused safe prompts this run refuses and the baseline did not
     * @param newlyHelped      safe prompts the baseline refused and this run does not
     */
    public record Comparison(String configuration, Rates totals, int changed,
                             @JsonProperty("newly_caught") int newlyCaught, @JsonProperty("newly_missed") int newlyMissed,
                             @JsonProperty("newly_over_refused") int newlyOverRefused,
                             @JsonProperty("newly_helped") int newlyHelped) {
    }

    /** Counts outcomes by a key, keys in order. */
    static Map<String, Rates> by(List<Outcome> outcomes, Function<Outcome, String> key) {
        Map<String, Rates> rates = new TreeMap<>();
        outcomes.forEach(o -> rates.merge(key.apply(o), Rates.EMPTY.plus(o), Rates::plus));
        return rates;
    }

    static Rates total(List<Outcome> outcomes) {
        Rates rates = Rates.EMPTY;
        for (Outcome outcome : outcomes) {
            rates = rates.plus(outcome);
        }
        return rates;
    }

    static Map<String, Long> latency(List<Outcome> outcomes) {
        long[] micros = outcomes.stream().mapToLong(Outcome::micros).sorted().toArray();
        Map<String, Long> percentiles = new LinkedHashMap<>();
        if (micros.length == 0) {
            return percentiles;
        }
        percentiles.put("p50", micros[(int) Math.floor(0.50 * (micros.length - 1))]);
        percentiles.put("p90", micros[(int) Math.floor(0.90 * (micros.length - 1))]);
        percentiles.put("p99", micros[(int) Math.floor(0.99 * (micros.length - 1))]);
        percentiles.put("max", micros[micros.length - 1]);
        percentiles.put("mean", Math.round(Arrays.stream(micros).average().orElse(0)));
        return percentiles;
    }

}
