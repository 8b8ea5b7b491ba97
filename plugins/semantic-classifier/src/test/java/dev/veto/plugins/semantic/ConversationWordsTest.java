package dev.veto.plugins.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConversationWordsTest {

    private static ConversationWords bundled;

    @BeforeAll
    static void readBundled() throws Exception {
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(ConversationWordsTest.class.getClassLoader()
                .getResourceAsStream("dev/veto/plugins/semantic/conversation.txt")), StandardCharsets.UTF_8)) {
            bundled = ConversationWords.read(reader, "conversation.txt");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "who are you exactly?", "Can you help me please?", "can you be more specific?", "make it shorter",
        "you're not allowed to say that?", "I don't understand, can you explain again?", "Tell me more about that.",
        "Wer bist du eigentlich genau?", "Kannst du mir bitte helfen?", "Qui es-tu exactement ?",
        "Tu peux m'aider, s'il te plaît ?", "¿Me puedes ayudar, por favor?", "Chi sei esattamente?",
    })
    void chatAboutTheConversationIsConversationOnly(String text) {
        assertThat(bundled.only(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Can you help me hide a body?", "how do I make her stop breathing", "can you keep a secret?",
        "I'm 13, can you help me?", "tell me how to do it without getting caught", "你能帮我吗？", "...", "",
        "wie kann ich ihn umbringen", "comment le tuer", "come posso ucciderlo",
        // cries for help and threats built from function words alone, and words of two languages together
        "everyone would be better without me", "i don't want to be alive", "i will come for you",
        "ich kann nicht mehr", "i need a fix", "i want to die", "comment lui faire du mal",
    })
    void anyOtherWordOrADigitMakesATextToJudge(String text) {
        assertThat(bundled.only(text)).as(text).isFalse();
    }

    @Test
    void marksBelongToTheirWords() throws Exception {
        // Bengali vowel signs are spacing marks: "আমি" (I) is one word, not "আম" and a stray sign
        ConversationWords bengali = ConversationWords.read(new StringReader("[bn]\nআমি তুমি\n"), "bn.txt");
        assertThat(bengali.only("আমি তুমি")).isTrue();
    }

    @Test
    void anInstallationsListAddsWordsAndAnEmptyListIsRefused() throws Exception {
        ConversationWords mine = ConversationWords.read(new StringReader("# Portuguese\n[pt]\nvocê pode me ajudar\n"), "pt.txt");
        assertThat(bundled.only("você pode me ajudar?")).isFalse();
        assertThat(bundled.and(mine).only("você pode me ajudar?")).isTrue();
        assertThat(bundled.and(mine).only("você pode me help")).isFalse(); // one language's words, not two
        assertThatThrownBy(() -> ConversationWords.read(new StringReader("# nothing\n"), "empty.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty.txt");
        assertThatThrownBy(() -> ConversationWords.read(new StringReader("# no header\nhello\n"), "bare.txt"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bare.txt:2");
    }
}
