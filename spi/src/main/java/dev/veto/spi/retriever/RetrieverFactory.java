package dev.veto.spi.retriever;

import dev.veto.spi.ComponentFactory;

/**
 * Creates {@link Retriever}s; operators choose it by {@link #name()} under {@code veto.retrievers}.
 */
public interface RetrieverFactory extends ComponentFactory<Retriever> {
}
