package dev.veto.cli.eval;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Counts of one slice of an evaluation (a set, a category, a language, a transform) and the rates that
 * matter: unsafe prompts caught, safe prompts over-refused — and safe prompts answered only under constraints,
 * which is no refusal but still less help than they deserved.
 *
 * @param unsafe      unsafe prompts
 * @param caught      of those, not simply allowed
 * @param safe        safe prompts
 * @param overRefused of those, refused or escalated
 * @param constrained of those, answered under constraints
 * @param errors      checks that failed
 */
public record Rates(int unsafe, int caught, int safe, @JsonProperty("over_refused") int overRefused,
                    int constrained, int errors) {

    /** Nothing counted yet. */
    public static final Rates EMPTY = new Rates(0, 0, 0, 0, 0, 0);

    /** These counts plus one outcome. */
    Rates plus(Outcome outcome) {
        return new Rates(unsafe + (outcome.prompt().unsafe() ? 1 : 0), caught + (outcome.caught() ? 1 : 0),
                safe + (outcome.prompt().unsafe() ? 0 : 1), overRefused + (outcome.overRefused() ? 1 : 0),
                constrained + (outcome.constrainedSafe() ? 1 : 0), errors + (outcome.isError() ? 1 : 0));
    }

    /** The counts of both. */
    Rates plus(Rates other) {
        return new Rates(unsafe + other.unsafe, caught + other.caught, safe + other.safe,
                overRefused + other.overRefused, constrained + other.constrained, errors + other.errors);
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

    /** Share of safe prompts answered only under constraints, or {@code null} without safe prompts. */
    @JsonProperty("constrained_rate")
    public Double constrainedRate() {
        return safe == 0 ? null : round((double) constrained / safe);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
