/**
 * The root of the SPI: the version plugins declare against, and what every factory shares —
 * {@link dev.veto.spi.ComponentFactory} and the {@link dev.veto.spi.ComponentContext} a factory creates from.
 */
package dev.veto.spi;
