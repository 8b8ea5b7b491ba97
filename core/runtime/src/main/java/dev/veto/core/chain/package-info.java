/**
 * The chain every request runs through: normalize, classify the input, apply the policy, retrieve, generate,
 * classify the output, respond or escalate, record. Every call into a plugin goes through the
 * {@link dev.veto.core.chain.Guard}, which enforces deadlines, trips failing components out and turns every
 * failure into a traced outcome.
 */
package dev.veto.core.chain;
