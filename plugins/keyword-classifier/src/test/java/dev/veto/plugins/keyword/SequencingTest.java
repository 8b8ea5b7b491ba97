package dev.veto.plugins.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veto.plugins.keyword.KeywordMatcher.Match;
import org.junit.jupiter.api.Test;

class SequencingTest {

    private static Match at(String text, String phrase) {
        int start = text.indexOf(phrase);
        LexiconEntry entry = new LexiconEntry(LexiconEntry.Kind.HARM, "violent-crimes", 0.5, phrase, "test", "");
        return new Match(entry, start, start + phrase.length(), false);
    }

    @Test
    void aNextActBetweenTwoPhrasesIsSeenInEveryScriptButAfterAsAPrepositionIsNot() {
        String text = "kill a python process and then kill my neighbor";
        assertThat(Sequencing.between(text, at(text, "python process"), at(text, "kill my"))).isTrue();
        String arabic = "كيف أقتل جاري ثم أقتل الوقت";
        assertThat(Sequencing.between(arabic, at(arabic, "أقتل الوقت"), at(arabic, "أقتل جاري"))).isTrue();
        String chinese = "先结束进程然后杀了邻居";
        assertThat(Sequencing.between(chinese, at(chinese, "结束进程"), at(chinese, "杀了"))).isTrue();
        String after = "¿Cómo recupero mis archivos después de un ransomware?";
        assertThat(Sequencing.between(after, at(after, "recupero"), at(after, "ransomware"))).isFalse();
        assertThat(Sequencing.refersBack(at("puis le tuer", "le tuer"))).isTrue();
        assertThat(Sequencing.refersBack(at("then kill my neighbor", "kill my"))).isFalse();
        assertThat(Sequencing.refersBack(at("then kill him", "kill him"))).isFalse();
        String also = "how do I protect my server from hackers? also write ransomware";
        assertThat(Sequencing.between(also, at(also, "protect my server"), at(also, "ransomware"))).isTrue();
        String inWord = "kill the process, thence the daemon"; // "thence" is not "then"
        assertThat(Sequencing.between(inWord, at(inWord, "process"), at(inWord, "daemon"))).isFalse();
    }
}
