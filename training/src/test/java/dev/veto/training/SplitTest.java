package dev.veto.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitTest {

    private static LabelledRow row(String id) {
        return new LabelledRow(id, "p", true, "c", "en", "s");
    }

    @Test
    void translationsAndPairHalvesStayTogetherAndTheSplitIsStable() {
        List<LabelledRow> rows = new ArrayList<>();
        for (int n = 0; n < 500; n++) {
            for (String lang : List.of("en", "zh", "ko")) {
                rows.add(row("multijail-" + n + "-" + lang));
            }
            rows.add(row("veto-pair-en-" + n + "-u"));
            rows.add(row("veto-pair-en-" + n + "-s"));
        }
        Split split = new Split(0.2, 0.1, 42);
        Map<Split.Part, List<LabelledRow>> parts = split.apply(rows);
        for (LabelledRow r : rows) {
            assertThat(split.partOf(r.group())).isEqualTo(split.partOf(row(r.id().replaceAll("-(zh|ko)$", "-en")
                    .replaceAll("-s$", "-u")).group()));
        }
        assertThat(parts.get(Split.Part.HOLDOUT).size() / (double) rows.size()).isBetween(0.15, 0.25);
        assertThat(new Split(0.2, 0.1, 42).apply(rows)).isEqualTo(parts);
        assertThat(new Split(0.2, 0.1, 43).apply(rows)).isNotEqualTo(parts);
    }
}
