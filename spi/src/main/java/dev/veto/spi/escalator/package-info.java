/**
 * The escalator extension point: an {@link dev.veto.spi.escalator.Escalator} hands a case the policy
 * escalated to humans (a review queue, a ticketing system, a pager) and reports its outcome.
 */
package dev.veto.spi.escalator;
