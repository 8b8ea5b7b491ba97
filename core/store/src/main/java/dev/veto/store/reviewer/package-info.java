/** The people who work the review queue: accounts from configuration, login sessions in the store. */
package dev.veto.store.reviewer;
