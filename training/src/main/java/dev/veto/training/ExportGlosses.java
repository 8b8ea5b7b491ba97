package dev.veto.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veto.plugins.semantic.SemanticClassifierFactory;
import dev.veto.plugins.semantic.SentenceEncoder;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Writes the English gloss the semantic classifier reads of each training row in another language, as
 * labelled rows of their own ({@code de-gloss}), for the encoder's fine-tuning (training/encoder): the
 * encoder reads these glosses at run time, so it learns them too — a harmless question in word-by-word
 * English must not read as advice or hate. Only the split's training part: the held-out rows stay unseen.
 */
@Command(name = "export-glosses", mixinStandardHelpOptions = true,
        description = "Writes the glosses of the training rows in other languages as JSON Lines.")
public final class ExportGlosses implements Callable<Integer> {

    @Mixin
    SetsOptions sets;

    @Option(names = "--out", required = true, description = "where to write the glosses (JSON Lines)")
    Path out;

    /**
     * Runs the export from the command line.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ExportGlosses()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<LabelledRow> rows = sets.rows();
        List<LabelledRow> train = sets.split().apply(rows).get(Split.Part.TRAIN);
        SemanticClassifierFactory.DefaultEncoding encoding = SemanticClassifierFactory.defaultEncoding(1);
        List<LabelledRow> glosses;
        try (SentenceEncoder unused = encoding.encoder()) {
            glosses = TrainSemanticHead.glosses(train, encoding);
        }
        ObjectMapper json = new ObjectMapper();
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (LabelledRow gloss : glosses) {
                ObjectNode line = json.createObjectNode()
                        .put("id", gloss.id()).put("prompt", gloss.prompt())
                        .put("label", gloss.unsafe() ? "unsafe" : "safe").put("category", gloss.category())
                        .put("lang", gloss.lang()).put("source", gloss.source());
                writer.write(json.writeValueAsString(line));
                writer.newLine();
            }
        }
        System.out.printf(Locale.ROOT, "%d glosses of %d training rows written to %s%n",
                glosses.size(), train.size(), out);
        return 0;
    }
}
