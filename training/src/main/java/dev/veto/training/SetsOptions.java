package dev.veto.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the labelled rows lie and how they split: options every training command shares (a picocli mixin). */
final class SetsOptions {

    @Option(names = "--shared", required = true, description = "folder of the shared labelled sets (*.jsonl)")
    Path shared;

    @Option(names = "--own", required = true, description = "folder of the project's own examples (*.jsonl)")
    Path own;

    @Option(names = "--holdout-share", defaultValue = "0.2",
            description = "share of groups held out (default ${DEFAULT-VALUE})")
    double holdoutShare;

    @Option(names = "--calibration-share", defaultValue = "0.1",
            description = "share of groups for calibration (default ${DEFAULT-VALUE})")
    double calibrationShare;

    @Option(names = "--seed", defaultValue = "20261128",
            description = "seed of the split, and of training where a command trains (default ${DEFAULT-VALUE})")
    long seed;

    /** The shared rows, then the project's own. */
    List<LabelledRow> rows() throws IOException {
        List<LabelledRow> rows = new ArrayList<>(LabelledSets.read(shared));
        rows.addAll(LabelledSets.read(own));
        return rows;
    }

    /** The split into train, calibration and held-out parts, by group. */
    Split split() {
        return new Split(holdoutShare, calibrationShare, seed);
    }
}
