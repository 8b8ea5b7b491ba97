/**
 * The generator extension point: a {@link dev.veto.spi.generator.Generator} produces the answer — blocking
 * or streamed — under the constraints the policy gate set.
 */
package dev.veto.spi.generator;
