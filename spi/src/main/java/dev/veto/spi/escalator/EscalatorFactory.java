package dev.veto.spi.escalator;

import dev.veto.spi.ComponentFactory;

/**
 * Creates {@link Escalator}s; operators choose it by {@link #name()} under {@code veto.escalators}.
 */
public interface EscalatorFactory extends ComponentFactory<Escalator> {
}
