/**
 * Configured components: the factories plugins contribute, by kind and name, and the instances the host
 * creates from {@code veto.classifiers}, {@code veto.retrievers}, {@code veto.generators} and
 * {@code veto.escalators}.
 */
package dev.veto.core.component;
