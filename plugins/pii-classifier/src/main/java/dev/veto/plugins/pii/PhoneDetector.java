package dev.veto.plugins.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;

/**
 * Phone numbers as libphonenumber reads them: written in international form (+49 …) for any country, and
 * in national form for the configured default region. Only numbers valid for their region count, so dates,
 * prices and order numbers are not reported.
 */
final class PhoneDetector {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    PhoneDetector(String defaultRegion) {
        if (!PHONES.getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("setting 'phone.default-region': '" + defaultRegion
                    + "' is not an ISO 3166 region libphonenumber knows, e.g. US, DE, GB");
        }
        this.defaultRegion = defaultRegion;
    }

    void find(String text, List<Finding> out) {
        for (PhoneNumberMatch match : PHONES.findNumbers(text, defaultRegion, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            out.add(new Finding(PiiKind.PHONE, match.start(), match.end()));
        }
    }
}
