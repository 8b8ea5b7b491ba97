/**
 * {@code veto eval}: runs labelled prompt sets through a configured host and measures what a deployment
 * must know — unsafe prompts caught, safe prompts over-refused, by set, category and language, latency,
 * robustness to obfuscation, and every verdict that changes against a baseline configuration.
 */
package dev.veto.cli.eval;
