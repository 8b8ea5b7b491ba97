package dev.veto.plugins.offline;

import dev.veto.spi.generator.FinishReason;
import dev.veto.spi.generator.Generation;
import dev.veto.spi.generator.GenerationRequest;
import dev.veto.spi.generator.Generator;
import dev.veto.spi.generator.TextSink;
import dev.veto.spi.retriever.Passage;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes an answer without a model: the best retrieved passages, quoted with their sources, or a plain
 * statement that no model is configured. Deterministic and instant, so an installation without any
 * upstream still gives every allowed request an honest answer. Streams word by word, like a model would.
 */
final class OfflineGenerator implements Generator {

    private static final Pattern WORD = Pattern.compile("\\S+\\s*|\\s+");

    private final OfflineSettings settings;

    OfflineGenerator(OfflineSettings settings) {
        this.settings = settings;
    }

    @Override
    public Generation generate(GenerationRequest request) {
        return new Generation(answer(request), FinishReason.STOP, settings.model());
    }

    @Override
    public Generation stream(GenerationRequest request, TextSink sink) {
        String answer = answer(request);
        Matcher words = WORD.matcher(answer);
        int sent = 0;
        while (words.find()) {
            if (!sink.accept(words.group())) {
                return new Generation(answer.substring(0, words.end()), FinishReason.CANCELLED, settings.model());
            }
            sent = words.end();
        }
        return new Generation(answer.substring(0, sent), FinishReason.STOP, settings.model());
    }

    String answer(GenerationRequest request) {
        List<Passage> passages = request.grounding().stream()
                .sorted(Comparator.comparingDouble(Passage::score).reversed())
                .limit(settings.maxPassages())
                .toList();
        if (passages.isEmpty()) {
            return settings.noModelMessage();
        }
        StringBuilder answer = new StringBuilder(settings.groundedIntro());
        for (Passage passage : passages) {
            answer.append("\n\n");
            if (!passage.title().isBlank()) {
                answer.append(passage.title().strip()).append(": ");
            }
            answer.append(excerpt(passage.text().strip()));
            answer.append(" (").append(passage.link().isBlank() ? passage.source() : passage.link()).append(')');
        }
        return answer.toString();
    }

    /** The passage cut at a word boundary within the limit, marked when cut. */
    private String excerpt(String text) {
        if (text.length() <= settings.maxCharsPerPassage()) {
            return text;
        }
        int cut = text.lastIndexOf(' ', settings.maxCharsPerPassage());
        return text.substring(0, cut > 0 ? cut : settings.maxCharsPerPassage()).stripTrailing() + " …";
    }
}
