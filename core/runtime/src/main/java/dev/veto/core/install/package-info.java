/**
 * Managing an installation's plugins folder without starting a host: reading a plugin file's descriptor
 * and digest, checking it against the configured pins, installing a plugin file atomically, and the
 * operator's list of disabled plugins. The host uses the same classes when it loads the folder, so what
 * {@code veto plugins verify} reports is what start-up enforces.
 */
package dev.veto.core.install;
