package dev.veto.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Maps the shared sets' own categories onto Veto's taxonomy (category-map.tsv says how and why). */
final class CategoryMap {

    private record Entry(String source, String sourceCategory, String category) {
    }

    private final List<Entry> entries;
    private final Set<String> taxonomy;

    private CategoryMap(List<Entry> entries, Set<String> taxonomy) {
        this.entries = entries;
        this.taxonomy = taxonomy;
    }

    static CategoryMap bundled(Set<String> taxonomy) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                CategoryMap.class.getResourceAsStream("category-map.tsv")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 3 || !taxonomy.contains(fields[2])) {
                    throw new IllegalStateException("category-map.tsv: bad line: " + line);
                }
                entries.add(new Entry(fields[0], fields[1], fields[2]));
            }
        }
        return new CategoryMap(List.copyOf(entries), taxonomy);
    }

    /**
     * The Veto category of an unsafe row, if its own category says.
     *
     * @param row the row
     * @return the category, or empty when the row's category maps to nothing
     */
    Optional<String> categoryOf(LabelledRow row) {
        if (taxonomy.contains(row.category())) {
            return Optional.of(row.category());
        }
        for (Entry entry : entries) {
            if (entry.source().equals(row.source()) && mentions(row.category(), entry.sourceCategory())) {
                return Optional.of(entry.category());
            }
        }
        return Optional.empty();
    }

    /** A source category is one value ("S"), a comma list ("S,S3") or a Python list ("['A', 'B']"). */
    private static boolean mentions(String rowCategory, String sourceCategory) {
        if (rowCategory.equals(sourceCategory) || rowCategory.contains("'" + sourceCategory + "'")) {
            return true;
        }
        for (String part : rowCategory.split(",")) {
            if (part.trim().equals(sourceCategory)) {
                return true;
            }
        }
        return false;
    }
}
