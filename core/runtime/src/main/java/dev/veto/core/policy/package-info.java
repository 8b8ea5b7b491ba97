/**
 * The policy gate: turns signals, component failures and the request's context into a
 * {@link dev.veto.spi.policy.Ruling}. This package holds the gate's contract and the threshold policy the
 * host ships with.
 */
package dev.veto.core.policy;
