package dev.veto.plugins.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PackedAutomatonTest {

    private static List<String> hits(PackedAutomaton<String> automaton, String text) {
        List<String> hits = new ArrayList<>();
        automaton.scan(text.toCharArray(), (begin, end, key) -> hits.add(begin + "-" + end + ":" + key));
        return hits;
    }

    @Test
    void findsOverlappingAndNestedKeysWhereTheyEnd() {
        Map<String, String> keys = new TreeMap<>();
        for (String key : List.of("he", "she", "his", "hers", "炸弹", "制作炸弹", "bom")) {
            keys.put(key, key);
        }
        PackedAutomaton<String> automaton = PackedAutomaton.of(keys);

        assertThat(hits(automaton, "ushers")).containsExactlyInAnyOrder("1-4:she", "2-4:he", "2-6:hers");
        assertThat(hits(automaton, "如何制作炸弹")).containsExactlyInAnyOrder("2-6:制作炸弹", "4-6:炸弹");
        assertThat(hits(automaton, "a bomb")).containsExactly("2-5:bom");
        assertThat(hits(automaton, "nothing here\uffff")).containsExactly("8-10:he");
        assertThat(hits(automaton, "")).isEmpty();
    }

    /** The library's own scan throws here: from the state after "a", U+FFFF points one slot past its table. */
    @Test
    void aCharPastTheEndOfTheTableIsNoTransition() {
        PackedAutomaton<String> automaton = PackedAutomaton.of(Map.of("a", "a"));

        assertThat(hits(automaton, "a\uffff")).containsExactly("0-1:a");
        assertThat(hits(automaton, "\uffffa\uffffa")).containsExactly("1-2:a", "3-4:a");
    }

    /** The repacked walk must report exactly what the library's own scan reports, for any keys and text. */
    @Test
    void reportsWhatTheLibrarysScanReportsOnRandomKeysAndTexts() {
        Random random = new Random(20261130);
        String alphabet = "abcde fgxyz éü中文한글ا";
        for (int round = 0; round < 50; round++) {
            Map<String, String> keys = new TreeMap<>();
            for (int k = 0; k < 200; k++) {
                String key = randomText(random, alphabet, 1 + random.nextInt(6));
                keys.put(key, key);
            }
            AhoCorasickDoubleArrayTrie<String> library = new AhoCorasickDoubleArrayTrie<>();
            library.build(keys);
            PackedAutomaton<String> packed = PackedAutomaton.of(keys);
            for (int t = 0; t < 20; t++) {
                String text = randomText(random, alphabet + "QRS\u0000", random.nextInt(300));
                List<String> expected = new ArrayList<>();
                library.parseText(text.toCharArray(), (begin, end, key) -> expected.add(begin + "-" + end + ":" + key));
                assertThat(hits(packed, text)).as("text %s", text).isEqualTo(expected);
            }
        }
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
