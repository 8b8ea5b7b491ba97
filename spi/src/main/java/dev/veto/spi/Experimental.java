package dev.veto.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks SPI that may still change or disappear within a major version: a plugin that uses it may need a
 * change on a minor upgrade. Everything not marked follows the compatibility rules of
 * {@code docs/spi-evolution.md}: within a major version, nothing is removed or changed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface Experimental {
}
