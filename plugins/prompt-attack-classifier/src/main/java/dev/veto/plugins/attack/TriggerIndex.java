package dev.veto.plugins.attack;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds which families' trigger words occur in a lower-cased text in one pass: every trigger of every
 * family in one Aho-Corasick automaton (a double-array trie, no boxed transitions), so the text is read once
 * however many triggers there are. Only the families it finds have their patterns run. A "family" here is a
 * line of the trigger file: a family, or a family in one language ({@code override/es}).
 */
final class TriggerIndex {

    private final List<String> familyNames = new ArrayList<>();
    private final AhoCorasickDoubleArrayTrie<int[]> triggers = new AhoCorasickDoubleArrayTrie<>();

    TriggerIndex(Map<String, List<String>> byFamily) {
        Map<String, Set<Integer>> familiesOfWord = new TreeMap<>();
        byFamily.forEach((family, words) -> {
            int index = familyNames.size();
            familyNames.add(family);
            for (String word : words) {
                if (!word.isEmpty()) {
                    familiesOfWord.computeIfAbsent(word, w -> new TreeSet<>()).add(index);
                }
            }
        });
        Map<String, int[]> entries = new TreeMap<>();
        familiesOfWord.forEach((word, families) -> entries.put(word, families.stream().mapToInt(Integer::intValue).toArray()));
        if (!entries.isEmpty()) {
            triggers.build(entries);
        }
    }

    /** The families with a trigger in {@code lower} (lower-cased, whitespace folded: see the classifier). */
    Set<String> families(char[] lower) {
        if (triggers.size() == 0) {
            return Set.of();
        }
        boolean[] found = new boolean[familyNames.size()];
        boolean[] any = new boolean[1];
        triggers.parseText(lower, (begin, end, families) -> {
            for (int family : families) {
                found[family] = true;
            }
            any[0] = true;
        });
        if (!any[0]) {
            return Set.of();
        }
        Set<String> names = new TreeSet<>();
        for (int f = 0; f < found.length; f++) {
            if (found[f]) {
                names.add(familyNames.get(f));
            }
        }
        return names;
    }
}
