/**
 * The durable audit trail: every decision written before it is acknowledged, queried by {@code veto audit}
 * and the reviewer console, and logged as JSON lines for a SIEM.
 */
package dev.veto.store.audit;
