/**
 * What classifiers report: {@link dev.veto.spi.signal.Signal}s — a category, a score, spans into the text
 * and evidence — and the {@link dev.veto.spi.signal.StandardCategory standard hazard categories} they
 * name.
 */
package dev.veto.spi.signal;
