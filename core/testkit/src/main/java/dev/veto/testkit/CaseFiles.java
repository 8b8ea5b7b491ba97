package dev.veto.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Test cases kept as tab-separated lines in class-path resources — typically a file per language
 * ({@code my-cases/de.tsv}), so each language's cases grow beside its lexicon or patterns without editing one
 * big table in a test class. Blank lines and lines starting with {@code #} are skipped; the last field keeps
 * any further tabs and is stripped.
 */
public final class CaseFiles {

    /**
     * One case line.
     *
     * @param where  {@code resource:line}, for assertion messages
     * @param fields the line's fields, as many as asked for
     */
    public record Line(String where, List<String> fields) {

        /**
         * Copies the fields.
         *
         * @param where  {@code resource:line}
         * @param fields the line's fields
         */
        public Line {
            fields = List.copyOf(fields);
        }

        /**
         * One field.
         *
         * @param index its position, from 0
         * @return the field
         */
        public String field(int index) {
            return fields.get(index);
        }
    }

    private CaseFiles() {
    }

    /**
     * Reads the case lines of a resource.
     *
     * @param loader   the class loader to find it with (the test class's)
     * @param resource its path on the class path
     * @param fields   how many tab-separated fields each line has
     * @return the lines, in order; empty when there is no such resource
     * @throws IllegalArgumentException naming {@code resource:line} when a line has fewer fields
     */
    public static List<Line> read(ClassLoader loader, String resource, int fields) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return List.of();
            }
            List<String> text = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < text.size(); i++) {
                String line = text.get(i);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String where = resource + ":" + (i + 1);
                String[] split = line.split("\t", fields);
                if (split.length != fields) {
                    throw new IllegalArgumentException(where + ": expected " + fields + " tab-separated fields");
                }
                split[fields - 1] = split[fields - 1].strip();
                lines.add(new Line(where, List.of(split)));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
