/**
 * The human review queue: escalated cases with leases, decisions and history; the {@code review-queue}
 * escalator that fills it; outcome callbacks to clients.
 */
package dev.veto.store.review;
