/**
 * The retriever extension point: a {@link dev.veto.spi.retriever.Retriever} fetches trusted
 * {@link dev.veto.spi.retriever.Passage}s that ground constrained answers and the safe alternatives offered
 * in refusals.
 */
package dev.veto.spi.retriever;
