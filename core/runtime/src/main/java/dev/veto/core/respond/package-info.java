/**
 * What the user is told: a refusal that says what Veto cannot help with — without repeating harmful
 * detail — and offers a way forward; escalation notices; constrained-answer notices. Kept apart from the
 * operator-facing rationale, which never reaches the user.
 */
package dev.veto.core.respond;
