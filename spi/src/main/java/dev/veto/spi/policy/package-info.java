/**
 * What the policy gate decides: a {@link dev.veto.spi.policy.Verdict}, the
 * {@link dev.veto.spi.policy.Constraint}s a constrained answer must respect, and the
 * {@link dev.veto.spi.policy.Ruling} that ties both to the rule that fired.
 */
package dev.veto.spi.policy;
