/**
 * The first stage of the chain: text as classifiers should see it (NFKC, no invisible or bidi controls,
 * valid UTF-16), with a map from every normalized position back to the original text.
 */
package dev.veto.core.normalize;
