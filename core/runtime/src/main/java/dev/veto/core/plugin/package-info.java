/**
 * Plugin discovery and isolation: a PF4J plugin manager over one plugins folder, class loaders that share
 * only the SPI and a few API packages with the host, Guice-built extensions with a child injector per
 * plugin, and a report of every plugin file that could not be used and why.
 */
package dev.veto.core.plugin;
