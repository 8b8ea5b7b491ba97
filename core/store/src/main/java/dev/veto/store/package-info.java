/**
 * The store: one database (SQLite by default, PostgreSQL for several hosts) holding the audit trail and the
 * review queue, opened by {@link dev.veto.store.Store} and attached to a host with
 * {@link dev.veto.store.Store#attach}.
 */
package dev.veto.store;
