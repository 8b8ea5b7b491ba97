package dev.veto.spi.signal;

/**
 * The categories every Veto policy knows: the MLCommons hazard taxonomy (as used by Llama Guard, S1–S14)
 * plus prompt attacks and sensitive data.
 *
 * <p>Signals carry the {@link #id()} string, not the enum, so plugins and policies may add categories of
 * their own; these are the ones a plugin can rely on every policy to understand.
 */
public enum StandardCategory {
    /** S1: violent crimes — terrorism, murder, assault, kidnapping, animal abuse. */
    VIOLENT_CRIMES("S1", "violent-crimes"),
    /** S2: non-violent crimes — fraud, theft, hacking, drug crimes, weapons crimes. */
    NON_VIOLENT_CRIMES("S2", "non-violent-crimes"),
    /** S3: sex-related crimes — trafficking, assault, harassment. */
    SEX_CRIMES("S3", "sex-crimes"),
    /** S4: child sexual exploitation. */
    CHILD_EXPLOITATION("S4", "child-exploitation"),
    /** S5: defamation of real people. */
    DEFAMATION("S5", "defamation"),
    /** S6: specialized advice — medical, legal, financial. */
    SPECIALIZED_ADVICE("S6", "specialized-advice"),
    /** S7: privacy — exposing personal information. */
    PRIVACY("S7", "privacy"),
    /** S8: intellectual property violations. */
    INTELLECTUAL_PROPERTY("S8", "intellectual-property"),
    /** S9: indiscriminate weapons — chemical, biological, radiological, nuclear, high-yield explosives. */
    INDISCRIMINATE_WEAPONS("S9", "indiscriminate-weapons"),
    /** S10: hate. */
    HATE("S10", "hate"),
    /** S11: suicide and self-harm. */
    SELF_HARM("S11", "self-harm"),
    /** S12: sexual content. */
    SEXUAL_CONTENT("S12", "sexual-content"),
    /** S13: elections — misinformation about voting. */
    ELECTIONS("S13", "elections"),
    /** S14: code-interpreter abuse. */
    CODE_INTERPRETER_ABUSE("S14", "code-interpreter-abuse"),
    /** Attempts to override instructions, jailbreak, or extract the system prompt. */
    PROMPT_ATTACK("PA", "prompt-attack"),
    /** Personal data, credentials and secrets in the text. */
    SENSITIVE_DATA("SD", "sensitive-data");

    private final String code;
    private final String id;

    StandardCategory(String code, String id) {
        this.code = code;
        this.id = id;
    }

    /**
     * The short code, e.g. {@code S9}.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * The id signals and policies use, e.g. {@code indiscriminate-weapons}.
     *
     * @return the id
     */
    public String id() {
        return id;
    }
}
