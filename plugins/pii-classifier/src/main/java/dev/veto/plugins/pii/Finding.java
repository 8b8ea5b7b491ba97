package dev.veto.plugins.pii;

/**
 * One piece of personal data or one secret found in a text: what kind, and where (never the value).
 *
 * @param kind  what was found
 * @param start first char, inclusive
 * @param end   last char, exclusive
 */
record Finding(PiiKind kind, int start, int end) {
}
