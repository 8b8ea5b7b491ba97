package dev.veto.plugins.attack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One pattern of an attack family in one language, from {@code attacks/patterns.tsv}.
 *
 * @param family   the family it is evidence of
 * @param language the language it is written for (all patterns run on every text)
 * @param pattern  the compiled expression
 */
record AttackPattern(String family, String language, Pattern pattern) {

    /**
     * Reads the trigger file: per family, the lower-case substrings one of which a text must hold for the
     * family's patterns to run; a line keyed {@code family/language} gates that language's patterns of the
     * family instead. Every pattern must be gated by a line. Triggers are put in NFKC, as the text they are
     * looked for in is.
     */
    static java.util.Map<String, List<String>> triggers(String resource) {
        java.util.Map<String, List<String>> triggers = new java.util.TreeMap<>();
        try (InputStream in = AttackPattern.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("trigger file " + resource + " is missing from the plugin");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", 2);
                if (fields.length != 2) {
                    throw new IllegalStateException(resource + ": expected family and triggers separated by a tab: " + line);
                }
                triggers.put(fields[0], List.of(nfkc(fields[1]).split(",")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Map.copyOf(triggers);
    }

    /**
     * Reads a pattern file; a malformed line fails with its number, since a silently dropped pattern is a hole.
     * Each expression is put in NFKC before it is compiled: the text it runs on is, and some letters change
     * under NFKC (Thai sara am becomes nikhahit + sara aa, Bengali ড় and য় split into letter + nukta), so an
     * expression typed the usual way would otherwise never meet them. NFKC leaves the ASCII syntax alone.
     */
    static List<AttackPattern> load(String resource) {
        List<AttackPattern> patterns = new ArrayList<>();
        try (InputStream in = AttackPattern.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("pattern file " + resource + " is missing from the plugin");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", 3);
                if (fields.length != 3) {
                    throw new IllegalStateException(resource + ":" + number + ": expected family, language and pattern separated by tabs");
                }
                try {
                    patterns.add(new AttackPattern(fields[0], fields[1],
                            Pattern.compile(nfkc(fields[2]), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
                } catch (PatternSyntaxException e) {
                    throw new IllegalStateException(resource + ":" + number + ": " + e.getDescription(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return patterns;
    }

    private static String nfkc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }
}
