/**
 * What is being checked: a {@link dev.veto.spi.request.Request} — a conversation of
 * {@link dev.veto.spi.request.Message}s in some {@link dev.veto.spi.request.Modality} and locale — and the
 * {@link dev.veto.spi.request.RequestContext} it arrives in.
 */
package dev.veto.spi.request;
