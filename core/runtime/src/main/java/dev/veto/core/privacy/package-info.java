/**
 * What may be kept of a request after its decision: the {@link dev.veto.core.privacy.Redactor} masks the
 * personal data and secrets classifiers found before the audit trail or a review queue sees the text.
 */
package dev.veto.core.privacy;
