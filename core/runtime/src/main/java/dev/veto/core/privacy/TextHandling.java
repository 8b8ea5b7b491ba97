package dev.veto.core.privacy;

/** How the text of a request was treated before it was kept (audit trail, review queue). */
public enum TextHandling {
    /** Kept as received: the tenant's configuration allows raw text. */
    RAW,
    /** Personal data and secrets masked where the classifiers found them. */
    MASKED,
    /** Not kept at all: no classifier able to find personal data judged the text. */
    WITHHELD
}
