package dev.veto.plugins.attack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds which families' trigger words occur in a lower-cased text in one pass. At each position a bit table
 * of the triggers' first two characters rules out almost every position at once; only where a trigger may
 * start are the triggers beginning with that character compared. A {@code contains} per trigger would read
 * the text once per trigger, a hundred times for every prompt.
 */
final class TriggerIndex {

    private record Trigger(String word, int family) {
    }

    private final List<String> familyNames = new ArrayList<>();
    private final List<Trigger>[] ascii;
    private final Map<Character, List<Trigger>> other = new HashMap<>();
    /** Bit {@code c1 * 128 + c2} is set when a trigger starts with the ASCII pair c1, c2 (or is one char long). */
    private final long[] asciiPairs = new long[128 * 128 / 64];

    @SuppressWarnings("unchecked")
    TriggerIndex(Map<String, List<String>> triggers) {
        ascii = new List[128];
        triggers.forEach((family, words) -> {
            int index = familyNames.size();
            familyNames.add(family);
            for (String word : words) {
                if (word.isEmpty()) {
                    continue;
                }
                char first = word.charAt(0);
                Trigger trigger = new Trigger(word, index);
                if (first < 128) {
                    (ascii[first] == null ? (ascii[first] = new ArrayList<>()) : ascii[first]).add(trigger);
                    if (word.length() > 1 && word.charAt(1) < 128) {
                        int bit = first * 128 + word.charAt(1);
                        asciiPairs[bit >>> 6] |= 1L << (bit & 63);
                    } else {
                        for (int second = 0; second < 128; second++) { // any second char may follow
                            int bit = first * 128 + second;
                            asciiPairs[bit >>> 6] |= 1L << (bit & 63);
                        }
                    }
                } else {
                    other.computeIfAbsent(first, c -> new ArrayList<>()).add(trigger);
                }
            }
        });
    }

    /** The families with a trigger in {@code lower}. */
    Set<String> families(String lower) {
        boolean[] found = null;
        int count = 0;
        int length = lower.length();
        for (int i = 0; i < length && count < familyNames.size(); i++) {
            char c = lower.charAt(i);
            List<Trigger> bucket;
            if (c < 128) {
                char next = i + 1 < length ? lower.charAt(i + 1) : 0;
                if (next < 128) {
                    int bit = c * 128 + next;
                    if ((asciiPairs[bit >>> 6] & (1L << (bit & 63))) == 0) {
                        continue;
                    }
                }
                bucket = ascii[c];
            } else {
                bucket = other.get(c);
            }
            if (bucket == null) {
                continue;
            }
            for (Trigger trigger : bucket) {
                if ((found == null || !found[trigger.family()]) && lower.startsWith(trigger.word(), i)) {
                    if (found == null) {
                        found = new boolean[familyNames.size()];
                    }
                    found[trigger.family()] = true;
                    count++;
                }
            }
        }
        if (found == null) {
            return Set.of();
        }
        Set<String> families = new TreeSet<>();
        for (int f = 0; f < found.length; f++) {
            if (found[f]) {
                families.add(familyNames.get(f));
            }
        }
        return families;
    }
}
