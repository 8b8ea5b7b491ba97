package dev.veto.plugins.remote;

/**
 * One category of the judge's policy.
 *
 * @param code     what the judge answers, e.g. {@code S9}
 * @param title    what the judge is shown, e.g. {@code Indiscriminate Weapons}
 * @param category Veto's category id, e.g. {@code indiscriminate-weapons}
 */
record JudgeCategory(String code, String title, String category) {
}
