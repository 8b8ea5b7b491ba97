package dev.veto.plugins.semantic;

import java.util.Arrays;

/**
 * Hashed character n-grams of a text: the head's second view of it, beside the sentence vector.
 *
 * <p>The sentence encoder reads English well and most other languages barely (its vocabulary is English
 * word pieces), so a request in Korean or Javanese reaches the head as little more than noise. Character
 * n-grams read every script the same way and learn each language's words for a harm from the training
 * rows — stems of inflected words included — at a few microseconds per kilobyte.
 *
 * <p>Words are runs of letters, digits and combining marks (Thai and Bengali vowels are marks), lower-cased.
 * Scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) and Hangul give their 1- to
 * 3-grams of characters; every other word gives its 3- to 5-grams with boundary marks, itself whole, and
 * the pair it makes with the word before it ("kill myself" is not "kill process").
 * Each n-gram is hashed into one of {@code 2^bits} buckets; counts are damped ({@code 1 + ln n}) and the
 * vector scaled to unit length, so long texts do not outweigh the sentence vector. Stateless and
 * thread-safe.
 */
public final class CharNgrams {

    private static final int BOUNDARY = 0x2581; // ▁, which normalized text never contains as a word character
    private static final int WHOLE_WORD = 0x7f4a7c15;
    private static final int WORD_PAIR = 0x2c1b3c6d;

    private final int bits;

    /**
     * Creates the extractor.
     *
     * @param bits log2 of the number of buckets, 10 to 24
     */
    public CharNgrams(int bits) {
        if (bits < 10 || bits > 24) {
            throw new IllegalArgumentException("n-gram buckets must be 2^10 to 2^24, were 2^" + bits);
        }
        this.bits = bits;
    }

    /**
     * The number of buckets.
     *
     * @return {@code 2^bits}
     */
    public int buckets() {
        return 1 << bits;
    }

    /**
     * log2 of the number of buckets.
     *
     * @return the bits
     */
    public int bits() {
        return bits;
    }

    /**
     * The text's n-gram vector.
     *
     * @param text any text
     * @return the non-zero buckets with their values, unit length (empty for a text without words)
     */
    public Sparse of(String text) {
        int[] codePoints = text.codePoints().map(Character::toLowerCase).toArray();
        Counter counter = new Counter();
        int previousWord = 0;
        int i = 0;
        while (i < codePoints.length) {
            if (!isWordCharacter(codePoints[i])) {
                i++;
                continue;
            }
            int start = i;
            boolean continuous = isUnspaced(codePoints[i]);
            while (i < codePoints.length && isWordCharacter(codePoints[i]) && isUnspaced(codePoints[i]) == continuous) {
                i++;
            }
            if (continuous) {
                addGrams(counter, codePoints, start, i, 1, 3);
                previousWord = 0;
            } else {
                int word = addWord(counter, codePoints, start, i);
                if (previousWord != 0) {
                    counter.add(bucket((previousWord * 0x01000193) ^ word ^ WORD_PAIR));
                }
                previousWord = word;
            }
        }
        return counter.toUnitVector();
    }

    /** Adds a word's grams and the word itself; returns the word's hash, for the pair it makes with the next. */
    private int addWord(Counter counter, int[] codePoints, int start, int end) {
        int[] padded = new int[end - start + 2];
        padded[0] = BOUNDARY;
        System.arraycopy(codePoints, start, padded, 1, end - start);
        padded[padded.length - 1] = BOUNDARY;
        addGrams(counter, padded, 0, padded.length, 3, 5);
        int word = hash(padded, 0, padded.length);
        counter.add(bucket(word ^ WHOLE_WORD));
        return word == 0 ? 1 : word;
    }

    private void addGrams(Counter counter, int[] codePoints, int start, int end, int minN, int maxN) {
        for (int from = start; from < end; from++) {
            int h = 0x811c9dc5;
            for (int n = 1; n <= maxN && from + n <= end; n++) {
                h = (h ^ codePoints[from + n - 1]) * 0x01000193;
                if (n >= minN) {
                    counter.add(bucket(h + n));
                }
            }
        }
    }

    private static int hash(int[] codePoints, int start, int end) {
        int h = 0x811c9dc5;
        for (int i = start; i < end; i++) {
            h = (h ^ codePoints[i]) * 0x01000193;
        }
        return h;
    }

    /** FNV-1a spreads short strings poorly over the low bits; a murmur finalizer mixes them first. */
    private int bucket(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h & ((1 << bits) - 1);
    }

    /**
     * About how many words a text has: a run of letters of a spaced script (Hangul included) is one, and two
     * characters of a script written without spaces (Han, kana, Thai…) are about one.
     *
     * @param text any text
     * @return the count, rounded up
     */
    static int words(String text) {
        int words = 0;
        int unspacedChars = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            boolean spacedLetter = isWordCharacter(codePoint) && (!isUnspaced(codePoint)
                    || Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HANGUL);
            if (spacedLetter && !inWord) {
                words++;
            } else if (!spacedLetter && isWordCharacter(codePoint)) {
                unspacedChars++;
            }
            inWord = spacedLetter;
        }
        return words + (unspacedChars + 1) / 2;
    }

    private static boolean isWordCharacter(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || switch (Character.getType(codePoint)) {
            case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> true;
            default -> false;
        };
    }

    private static boolean isUnspaced(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR, HANGUL -> true;
            default -> false;
        };
    }

    /**
     * A sparse vector: bucket indices in ascending order and their values.
     *
     * @param indices the buckets
     * @param values  their values
     */
    public record Sparse(int[] indices, float[] values) {
    }

    /** Counts per bucket in an open-addressed table sized to the text, not to the bucket count. */
    private static final class Counter {
        private int[] keys = new int[64];
        private int[] counts = new int[64];
        private int size;

        Counter() {
            Arrays.fill(keys, -1);
        }

        void add(int bucket) {
            int mask = keys.length - 1;
            int slot = (bucket * 0x9e3779b9) >>> 1 & mask;
            while (keys[slot] != -1 && keys[slot] != bucket) {
                slot = (slot + 1) & mask;
            }
            if (keys[slot] == -1) {
                keys[slot] = bucket;
                if (++size * 2 > keys.length) {
                    counts[slot] = 1;
                    grow();
                    return;
                }
            }
            counts[slot]++;
        }

        private void grow() {
            int[] oldKeys = keys;
            int[] oldCounts = counts;
            keys = new int[oldKeys.length * 2];
            counts = new int[oldKeys.length * 2];
            Arrays.fill(keys, -1);
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != -1) {
                    int slot = (oldKeys[i] * 0x9e3779b9) >>> 1 & mask;
                    while (keys[slot] != -1) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    counts[slot] = oldCounts[i];
                }
            }
        }

        Sparse toUnitVector() {
            int[] indices = new int[size];
            int n = 0;
            for (int key : keys) {
                if (key != -1) {
                    indices[n++] = key;
                }
            }
            Arrays.sort(indices);
            float[] values = new float[size];
            double norm = 0;
            for (int k = 0; k < size; k++) {
                double v = 1 + Math.log(count(indices[k]));
                values[k] = (float) v;
                norm += v * v;
            }
            float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
            for (int k = 0; k < size; k++) {
                values[k] *= scale;
            }
            return new Sparse(indices, values);
        }

        private int count(int bucket) {
            int mask = keys.length - 1;
            int slot = (bucket * 0x9e3779b9) >>> 1 & mask;
            while (keys[slot] != bucket) {
                slot = (slot + 1) & mask;
            }
            return counts[slot];
        }
    }
}
