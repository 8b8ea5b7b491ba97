package dev.veto.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compares the SPI's API with the recorded baseline of its current major version. Breaking, for plugins
 * compiled against the baseline: a line that disappeared (a type, method, constructor, field, record
 * component, enum constant or supertype removed or changed), and an abstract method added to an interface
 * that existed (plugins implement the SPI's interfaces; a new method must be {@code default}).
 */
final class ApiCompatibility {

    private ApiCompatibility() {
    }

    /** What breaks plugins built against {@code baseline}; empty when {@code current} is compatible. */
    static List<String> breakingChanges(Set<String> baseline, Set<String> current) {
        List<String> problems = new ArrayList<>();
        for (String line : baseline) {
            if (!current.contains(line)) {
                problems.add("removed or changed: " + line);
            }
        }
        for (String line : current) {
            if (!baseline.contains(line) && line.contains(" method abstract ")) {
                String type = line.substring(0, line.indexOf(' '));
                if (baseline.contains(type + " : interface abstract")) {
                    problems.add("abstract method added to an existing interface (make it default): " + line);
                }
            }
        }
        return problems;
    }

    /** What was added compatibly: to be recorded in the baseline. */
    static List<String> additions(Set<String> baseline, Set<String> current) {
        return current.stream().filter(line -> !baseline.contains(line)).toList();
    }
}
