package dev.veto.plugins.pii;

import dev.veto.spi.signal.StandardCategory;
import java.util.Locale;

/**
 * The kinds of data the classifier finds and the category each feeds: personal data is {@code privacy};
 * credentials and payment cards, which must never be passed on, are {@code sensitive-data}.
 */
enum PiiKind {
    EMAIL(StandardCategory.PRIVACY),
    PHONE(StandardCategory.PRIVACY),
    PAYMENT_CARD(StandardCategory.SENSITIVE_DATA),
    IBAN(StandardCategory.PRIVACY),
    NATIONAL_ID(StandardCategory.PRIVACY),
    IP_ADDRESS(StandardCategory.PRIVACY),
    SECRET(StandardCategory.SENSITIVE_DATA);

    private final StandardCategory category;

    PiiKind(StandardCategory category) {
        this.category = category;
    }

    String category() {
        return category.id();
    }

    /** The name in configuration and evidence, e.g. {@code payment-card}. */
    String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static PiiKind byId(String id) {
        for (PiiKind kind : values()) {
            if (kind.id().equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + id + "'; known: email, phone, payment-card, iban, "
                + "national-id, ip-address, secret");
    }
}
