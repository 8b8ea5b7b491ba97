package dev.veto.plugins.pii;

import java.math.BigInteger;
import java.util.Map;

/**
 * The check digits that tell an identifier from a random run of digits: a number that fails its checksum is
 * not reported, which keeps order numbers, timestamps and phone-like digits out of the results.
 */
final class Checksums {

    /** IBAN length by country (ISO 13616 registry, the countries most often seen). */
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("CH", 21),
            Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("EE", 20),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GR", 27),
            Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IS", 26), Map.entry("IT", 27),
            Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MC", 27),
            Map.entry("MT", 31), Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28), Map.entry("PT", 25),
            Map.entry("RO", 24), Map.entry("SA", 24), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24),
            Map.entry("SM", 27), Map.entry("TR", 26), Map.entry("AE", 23), Map.entry("BR", 29), Map.entry("IL", 23),
            Map.entry("QA", 29), Map.entry("UA", 29));

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);
    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    private static final int[] CN_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CN_CHECK = "10X98765432";

    private Checksums() {
    }

    static String digitsOnly(CharSequence text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                digits.append(text.charAt(i));
            }
        }
        return digits.toString();
    }

    /** The Luhn check of payment card numbers. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** A card number: 13 to 19 digits, a known issuer prefix, and the Luhn check. */
    static boolean paymentCard(String digits) {
        if (digits.length() < 13 || digits.length() > 19 || !luhn(digits) || digits.chars().distinct().count() < 2) {
            return false;
        }
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        return digits.charAt(0) == '4'                                   // Visa
                || (two >= 51 && two <= 55) || (four >= 2221 && four <= 2720) // Mastercard
                || two == 34 || two == 37                                // American Express
                || digits.startsWith("6011") || two == 65                // Discover
                || (four >= 3528 && four <= 3589)                        // JCB
                || two == 62 || two == 36 || two == 30 || two == 38;     // UnionPay, Diners
    }

    /** An IBAN: a known country's length and the ISO 7064 mod-97 check. */
    /** The length of an IBAN of this country, or 0 for a country without IBANs. */
    static int ibanLength(String country) {
        Integer length = IBAN_LENGTHS.get(country);
        return length == null ? 0 : length;
    }

    static boolean iban(String compact) {
        Integer length = IBAN_LENGTHS.get(compact.substring(0, 2));
        if (length == null || compact.length() < length) {
            return false;
        }
        // a following group (a year, an amount) may have been read into the candidate: the country fixes the length
        compact = compact.substring(0, length);
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder numeric = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(numeric.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    /** A US social security number: area not 000, 666 or 9xx; group not 00; serial not 0000. */
    static boolean usSsn(String digits) {
        int area = Integer.parseInt(digits.substring(0, 3));
        return digits.length() == 9 && area != 0 && area != 666 && area < 900
                && !digits.startsWith("00", 3) && !digits.endsWith("0000") && !digits.equals("123456789");
    }

    /** A Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter), the letter being the check. */
    static boolean spanishId(String id) {
        String number = id.substring(0, id.length() - 1);
        char first = number.charAt(0);
        if (first == 'X' || first == 'Y' || first == 'Z') {
            number = (first - 'X') + number.substring(1);
        }
        return DNI_LETTERS.charAt(Integer.parseInt(number) % 23) == id.charAt(id.length() - 1);
    }

    /** A Chinese resident identity number: 17 digits and the ISO 7064 MOD 11-2 check character. */
    static boolean chineseId(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * CN_WEIGHTS[i];
        }
        return CN_CHECK.charAt(sum % 11) == Character.toUpperCase(id.charAt(17));
    }

    /**
     * A Korean resident registration number: a valid date of birth and a gender/century digit. (The old
     * weighted check digit is not used for numbers issued since October 2020, so it is not required.)
     */
    static boolean koreanRrn(String digits) {
        int month = Integer.parseInt(digits.substring(2, 4));
        int day = Integer.parseInt(digits.substring(4, 6));
        int gender = digits.charAt(6) - '0';
        return month >= 1 && month <= 12 && day >= 1 && day <= 31 && gender >= 1 && gender <= 8;
    }
}
