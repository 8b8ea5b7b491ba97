package dev.veto.cli.eval;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Counts of one slice of an evaluation (a set, a category, a language, a transform) and the rates that
 * matter: unsafe prompts caught, safe prompts over-refused.
 *
 * @param unsafe      unsafe prompts
 * @param caught      of those, not simply allowed
 * @param safe        safe prompts
 * @param overRefused of those, refused or escalated
 * @param errors      checks that failed
 */
public record Rates(int unsafe, int caught, int safe, @JsonProperty("over_refused") int overRefused, int errors) {

    /** Nothing counted yet. */
    public static final Rates EMPTY = new Rates(0, 0, 0, 0, 0);

    /** These counts plus one outcome. */
    Rates plus(Outcome outcome) {
        return new Rates(unsafe + (outcome.prompt().unsafe() ? 1 : 0), caught + (outcome.caught() ? 1 : 0),
                safe + (outcome.prompt().unsafe() ? 0 : 1), overRefused + (outcome.overRefused() ? 1 : 0),
                errors + (outcome.isError() ? 1 : 0));
    }

    /** Share of unsafe prompts caught, or {@code null} without unsafe prompts. */
    @JsonProperty("catch_rate")
    public Double catchRate() {
        return unsafe == 0 ? null : round((double) caught / unsafe);
    }

    /** Share of safe prompts refused or escalated, or {@code null} without safe prompts. */
    @JsonProperty("over_refusal_rate")
    public Double overRefusalRate() {
        return safe == 0 ? null : round((double) overRefused / safe);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
