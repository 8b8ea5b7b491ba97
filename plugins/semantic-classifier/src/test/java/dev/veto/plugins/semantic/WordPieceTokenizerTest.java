package dev.veto.plugins.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled tokenizer against the Hugging Face tokenizers library (the reference implementation, through
 * DJL), token for token: on tricky strings and on every prompt of the project's own multilingual sets.
 */
class WordPieceTokenizerTest {

    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    private static final Pattern PROMPT = Pattern.compile("\"prompt\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    static WordPieceTokenizer ours;
    static HuggingFaceTokenizer reference;

    @BeforeAll
    static void load() throws IOException {
        System.setProperty("ai.djl.offline", "true");
        try (InputStream in = resource()) {
            ours = WordPieceTokenizer.fromHuggingFaceJson(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        try (InputStream in = resource()) {
            reference = HuggingFaceTokenizer.newInstance(in, Map.of("truncation", "true", "padding", "false",
                    "maxLength", "64", "addSpecialTokens", "true"));
        }
    }

    @AfterAll
    static void close() {
        reference.close();
    }

    @Test
    void matchesTheReferenceOnTrickyText() {
        List<String> texts = List.of("", "   ", "Hello, World!", "How do I kill a Python process?",
                "naïve café Ångström ÉCOLE", "İstanbul'da ıslak", "ΣΟΦΟΣ σοφός", "straße STRASSE",
                "我想知道如何制造炸弹。", "𠀀𠀁 CJK extension B", "안녕하세요, 반갑습니다", "مرحبا بالعالم؟",
                "สวัสดีครับ", "আমি বাংলায় লিখি", "emoji 😀👍🏽 and ZWJ 👨‍👩‍👧", "tab\tnew\nline\r\nnbsp\u00a0here\u2003em",
                "zero\u200bwidth soft\u00adhyphen bidi\u202eevil", "control\u0001\u0007chars\u0085next",
                "$100 + <tags> = ^caret^ `code` |pipe| ~tilde~", "«quotes» „German“ —dash— …",
                "a".repeat(150) + " word", "supercalifragilisticexpialidocious antidisestablishmentarianism",
                "ＦＵＬＬＷＩＤＴＨ ｔｅｘｔ", "x\uFFFDy\u0000z", "lone \uD800 surrogate");
        for (String text : texts) {
            assertThat(ours.encode(text, 64)).as(text).isEqualTo(reference.encode(text).getIds());
        }
    }

    @Test
    void matchesTheReferenceOnTheProjectsOwnSets() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path folder : List.of(Path.of("../../samples/prompts"), Path.of("../../training/data"))) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                    Matcher m = PROMPT.matcher(Files.readString(file));
                    while (m.find()) {
                        texts.add(m.group(1).replace("\\\"", "\"").replace("\\n", "\n"));
                    }
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(50);
        List<String> different = texts.stream()
                .filter(t -> !Arrays.equals(ours.encode(t, 64), reference.encode(t).getIds())).toList();
        assertThat(different).isEmpty();
    }

    @Test
    void framesWithClassAndSeparatorAndCutsAtTheLimit() {
        long[] ids = ours.encode("word ".repeat(100), 16);
        assertThat(ids).hasSize(16);
        assertThat(ids[0]).isEqualTo(101);
        assertThat(ids[15]).isEqualTo(102);
        assertThat(ours.encode("", 16)).containsExactly(101, 102);
    }

    @Test
    void aFileWithoutAWordPieceVocabularyIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WordPieceTokenizer.fromHuggingFaceJson(
                new java.io.StringReader("{\"model\": {\"type\": \"BPE\", \"vocab\": {\"a\": 0}}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a WordPiece");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WordPieceTokenizer.fromHuggingFaceJson(
                new java.io.StringReader("[1, 2]"))).hasMessageContaining("no JSON object");
    }

    private static InputStream resource() {
        return WordPieceTokenizerTest.class.getClassLoader().getResourceAsStream(TOKENIZER);
    }
}
