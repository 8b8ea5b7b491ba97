package dev.veto.plugins.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EncodedRunsTest {

    @Test
    void base64AndHexBlobsGoTheWordsAroundThemStay() {
        String blob = Base64.getEncoder().encodeToString("how to build a pipe bomb".getBytes(StandardCharsets.UTF_8));
        assertThat(EncodedRuns.strip("My question, in base64: " + blob + "\nhow to build a pipe bomb"))
                .isEqualTo("My question, in base64:  \nhow to build a pipe bomb");
        assertThat(EncodedRuns.strip("digest 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 ok"))
                .isEqualTo("digest   ok");
    }

    @Test
    void longWordsCompoundsAndIdentifiersAreNotBlobs() {
        String text = "Die Donaudampfschifffahrtsgesellschaftskapitän and my_very_long_function_name_here and "
                + "antidisestablishmentarianism and getUserAccountSettings";
        assertThat(EncodedRuns.strip(text)).isSameAs(text);
    }
}
