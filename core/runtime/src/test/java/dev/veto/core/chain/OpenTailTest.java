package dev.veto.core.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenTailTest {

    /** The text, then what of it is kept back ('|' marks nothing). */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Sure;|",
        "Sure, here;|",
        "The weather in Lisbon is ;|",
        "on his private line 555-01;555-01",
        "Her card is 4111 ;4111 ",
        "Her card is 4111 1111 1111;4111 1111 1111",
        "call +44 20 7946;+44 20 7946",
        "write to john.doe;john.doe",
        "your key is sk-;sk-",
        "In 2024 we;|",
        "It's done;|",
        "电话是13812345678;13812345678",
        "电话是;|",
        "IBAN DE89 3704 0044;DE89 3704 0044",
        "I can't;can't",
    })
    void keepsBackWhatMayBeAValueStillGrowing(String text, String kept) {
        String expected = kept.equals("|") ? "" : kept;
        assertThat(text.substring(OpenTail.start(text, 0, text.length()))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"line 555-01;10", "line 555-01;7"})
    void neverReachesBackBeforeWhatWasReleased(String text, int released) {
        assertThat(OpenTail.start(text, released, text.length())).isGreaterThanOrEqualTo(released);
    }

    @org.junit.jupiter.api.Test
    void aRunLongerThanAnyValueIsNotHeldBackWhole() {
        String text = "x".repeat(5000) + "-";
        assertThat(OpenTail.start(text, 0, text.length())).isEqualTo(text.length() - OpenTail.MAX_LENGTH);
    }
}
