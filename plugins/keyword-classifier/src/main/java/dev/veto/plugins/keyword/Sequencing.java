package dev.veto.plugins.keyword;

import dev.veto.plugins.keyword.KeywordMatcher.Match;
import java.util.List;
import java.util.Locale;

/**
 * Whether a text moves on to another act between two phrases: "kill a python process and then kill my
 * neighbor", "how do I protect my server from hackers? also write ransomware", "كيف أقتل جاري ثم أقتل
 * الوقت". A benign reading explains the phrase it stands by; across such a
 * word it does not speak for the next act, which an attacker writes after a harmless one.
 */
final class Sequencing {

    /**
     * Words that start a next act, in the bundled languages (whole words; Chinese as written) — not "after" as a
     * preposition ("después de un ransomware", "dopo un attacco", "攻击之后"): it names what came before.
     */
    private static final List<String> WORDS = List.of("then", "after that", "afterwards", "also", "dann", "danach",
            "puis", "ensuite", "luego", "poi", "sau đó", "sau do", "ثم", "بعدها", "بعد ذلك", "然后", "그 다음",
            "그다음", "그런 다음", "그리고 나서");

    /**
     * Object pronouns that refer back to a thing as readily as to a person: "…arrêter un sous-processus avec
     * SIGTERM puis le tuer s'il ne répond pas" kills the process named before. Not "him" or "her".
     */
    private static final List<String> BACK_REFERENCES = List.of("it", "le", "la", "l'", "lo", "es");

    private Sequencing() {
    }

    /**
     * Whether a harm phrase acts on something named before it, with a pronoun of {@link #BACK_REFERENCES}: the
     * next act is then about the thing the benign reading explained.
     *
     * @param harm the harm phrase
     * @return whether one of its words is such a pronoun
     */
    static boolean refersBack(Match harm) {
        for (String word : harm.entry().phrase().split(" ")) {
            if (BACK_REFERENCES.contains(word) || word.startsWith("l'")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether one of the sequence words lies between the two phrases.
     *
     * @param text the text both were found in
     * @param a    one phrase
     * @param b    the other
     * @return {@code true} when the text moves on between them
     */
    static boolean between(String text, Match a, Match b) {
        int from = Math.min(a.end(), b.end());
        int to = Math.max(a.start(), b.start());
        if (to - from < 2) {
            return false;
        }
        String gap = text.substring(from, to).toLowerCase(Locale.ROOT);
        for (String word : WORDS) {
            int at = gap.indexOf(word);
            while (at >= 0) {
                if (Character.isIdeographic(word.codePointAt(0)) || standsAlone(gap, at, at + word.length())) {
                    return true;
                }
                at = gap.indexOf(word, at + 1);
            }
        }
        return false;
    }

    private static boolean standsAlone(String gap, int start, int end) {
        return (start == 0 || !Character.isLetterOrDigit(gap.charAt(start - 1)))
                && (end == gap.length() || !Character.isLetterOrDigit(gap.charAt(end)));
    }
}
