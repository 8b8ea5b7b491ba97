package dev.veto.spi.generator;

import dev.veto.spi.ComponentFactory;

/**
 * Creates {@link Generator}s; operators choose it by {@link #name()} under {@code veto.generators}.
 */
public interface GeneratorFactory extends ComponentFactory<Generator> {
}
