/** Language identification of requests that do not say which language they are written in. */
package dev.veto.core.language;
