/**
 * The embedded API: {@link dev.veto.core.Veto} starts a host from an installation directory and decides on
 * {@link dev.veto.spi.request.Request}s in-process; a {@link dev.veto.core.Decision} carries the ruling, the
 * user-facing {@link dev.veto.core.Reply} and the trace.
 */
package dev.veto.core;
