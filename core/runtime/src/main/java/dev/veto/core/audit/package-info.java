/**
 * The record stage: every decision is handed to each {@link dev.veto.core.audit.DecisionRecorder} after it
 * is made. The host's default recorder writes one audit line per decision to the {@code veto.audit} logger,
 * without the request's text.
 */
package dev.veto.core.audit;
