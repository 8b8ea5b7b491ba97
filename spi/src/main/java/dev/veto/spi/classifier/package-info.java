/**
 * The classifier extension point: a {@link dev.veto.spi.classifier.Classifier} reads text — a user's input
 * or a model's output — and reports {@link dev.veto.spi.signal.Signal}s.
 */
package dev.veto.spi.classifier;
