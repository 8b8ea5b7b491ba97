/**
 * The trace every decision carries: each stage of the chain, each component call with its outcome, time
 * and signals, and the failure behaviour that was applied.
 */
package dev.veto.core.trace;
