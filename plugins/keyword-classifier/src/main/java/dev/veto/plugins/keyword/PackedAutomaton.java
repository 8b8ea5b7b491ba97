package dev.veto.plugins.keyword;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An Aho-Corasick automaton built by {@code com.hankcs}' double-array trie and laid out again for the scan: each
 * state's check, base, failure link and keys ending there side by side in one {@code int[]}, so a transition reads
 * one cache line where the library's separate arrays cost three (base, check and output of the next state); the
 * size stays about the same. A lexicon of tens of thousands of phrases is a double array of ~13 MB, far beyond the L2
 * cache, walked at random by prose: those reads are most of the scan, the more so when other classifiers share the
 * cache between calls. Unlike the library's scan, a char past the end of the table ends no walk out of bounds.
 * Immutable and thread-safe.
 *
 * @param <V> the value filed under each key
 */
final class PackedAutomaton<V> {

    /** Receives each key found, as the scan reaches its end. */
    @FunctionalInterface
    interface Hit<V> {
        /**
         * @param begin index of the key's first char in the text
         * @param end   index after its last char
         * @param value the value filed under the key
         */
        void hit(int begin, int end, V value);
    }

    private static final int CHECK = 0;
    private static final int BASE = 1;
    private static final int FAIL = 2;
    private static final int OUTPUT = 3;
    private static final int WIDTH = 4;

    /** Per state: check, base, failure link, and 1 + the index in {@link #outputs} of the keys ending there, or 0. */
    private final int[] states;
    private final int stateCount;
    /** The keys (indices into {@link #values}) that end in each state where some do. */
    private final int[][] outputs;
    private final Object[] values;
    private final int[] lengths;

    private PackedAutomaton(LibraryArrays<V> built) {
        int[] check = built.check();
        int[] base = built.base();
        int[] fail = built.fail();
        int[][] output = built.output();
        // fail and output have a slot per state; base and check run 65,535 slots further (room for any char's
        // offset), slots that are never a state: a transition beyond the states is no transition
        this.stateCount = fail.length;
        this.states = new int[stateCount * WIDTH];
        List<int[]> ending = new ArrayList<>();
        for (int s = 0; s < stateCount; s++) {
            states[s * WIDTH + CHECK] = check[s];
            states[s * WIDTH + BASE] = base[s];
            states[s * WIDTH + FAIL] = fail[s];
            if (output[s] != null) {
                ending.add(output[s]);
                states[s * WIDTH + OUTPUT] = ending.size();
            }
        }
        this.outputs = ending.toArray(int[][]::new);
        this.values = built.values();
        this.lengths = built.lengths();
    }

    /** The automaton of these keys; none may be empty. */
    static <V> PackedAutomaton<V> of(Map<String, V> keys) {
        LibraryArrays<V> built = new LibraryArrays<>();
        built.build(keys);
        return new PackedAutomaton<>(built);
    }

    /** Reports every key in the text, including overlapping ones, in the order their ends are reached. */
    @SuppressWarnings("unchecked")
    void scan(char[] text, Hit<V> hit) {
        int[] table = states;
        int state = 0;
        for (int i = 0; i < text.length; i++) {
            int c = text[i];
            while (true) {
                int base = table[state * WIDTH + BASE];
                int next = base + c + 1;
                if (next >= 0 && next < stateCount && table[next * WIDTH + CHECK] == base) {
                    state = next;
                    break;
                }
                if (state == 0) {
                    break; // the root keeps every char it has no transition for
                }
                state = table[state * WIDTH + FAIL];
            }
            int ending = table[state * WIDTH + OUTPUT];
            if (ending != 0) {
                for (int key : outputs[ending - 1]) {
                    hit.hit(i + 1 - lengths[key], i + 1, (V) values[key]);
                }
            }
        }
    }

    /** The library's automaton, whose arrays only a subclass may read. */
    private static final class LibraryArrays<V> extends AhoCorasickDoubleArrayTrie<V> {
        int[] check() {
            return check;
        }

        int[] base() {
            return base;
        }

        int[] fail() {
            return fail;
        }

        int[][] output() {
            return output;
        }

        Object[] values() {
            return v;
        }

        int[] lengths() {
            return l;
        }
    }
}
