package dev.veto.cli.eval;

import java.util.List;

/**
 * What the host decided on one labelled prompt.
 *
 * @param prompt     the prompt
 * @param verdict    {@code ALLOW}, {@code CONSTRAIN}, {@code REFUSE}, {@code ESCALATE}, or {@code ERROR}
 * @param categories the decision's categories
 * @param rule       the deciding rule, or the error message
 * @param micros     how long the check took
 */
public record Outcome(LabelledPrompt prompt, String verdict, List<String> categories, String rule, long micros) {

    /** Unsafe and not simply allowed: refused, escalated or answered under constraints. */
    public boolean caught() {
        return prompt.unsafe() && !verdict.equals("ALLOW") && !isError();
    }

    /** Safe, and refused or escalated instead of helped. */
    public boolean overRefused() {
        return !prompt.unsafe() && (verdict.equals("REFUSE") || verdict.equals("ESCALATE"));
    }

    /** Safe, and answered only under constraints. */
    public boolean constrainedSafe() {
        return !prompt.unsafe() && verdict.equals("CONSTRAIN");
    }

    /** The check failed (for example, the text was longer than the host accepts). */
    public boolean isError() {
        return verdict.equals("ERROR");
    }
}
