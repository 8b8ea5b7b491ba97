package dev.veto.cli.eval;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A prompt whose verdict differs between the baseline and the evaluated configuration: the
 * before/after-deployment check, one line of {@code differences.jsonl}.
 *
 * @param id              the prompt's id
 * @param source          its set
 * @param label           {@code safe} or {@code unsafe}
 * @param baselineVerdict the baseline's verdict
 * @param verdict         this configuration's verdict
 * @param baselineRule    the rule that decided in the baseline
 * @param rule            the rule that decides now
 * @param effect          {@code newly-caught}, {@code newly-missed}, {@code newly-over-refused},
 *                        {@code newly-helped} or {@code changed}
 * @param prompt          the prompt, cut at 300 characters
 */
public record Difference(String id, String source, String label, @JsonProperty("baseline_verdict") String baselineVerdict,
                         String verdict, @JsonProperty("baseline_rule") String baselineRule, String rule, String effect,
                         String prompt) {

    static Difference of(Outcome baseline, Outcome current) {
        String effect;
        if (current.prompt().unsafe()) {
            effect = current.caught() && !baseline.caught() ? "newly-caught"
                    : !current.caught() && baseline.caught() ? "newly-missed" : "changed";
        } else {
            effect = current.overRefused() && !baseline.overRefused() ? "newly-over-refused"
                    : !current.overRefused() && baseline.overRefused() ? "newly-helped" : "changed";
        }
        String text = current.prompt().prompt();
        return new Difference(current.prompt().id(), current.prompt().source(), current.prompt().unsafe() ? "unsafe" : "safe",
                baseline.verdict(), current.verdict(), baseline.rule(), current.rule(), effect,
                text.length() <= 300 ? text : text.substring(0, 300) + "…");
    }
}
