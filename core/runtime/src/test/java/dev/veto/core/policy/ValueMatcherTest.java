package dev.veto.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValueMatcherTest {

    @Test
    void exactSetAndWildcardMatches() {
        ValueMatcher matcher = ValueMatcher.of(List.of("acme", "edu-*", "t?"), false);
        assertThat(matcher.matches("acme")).isTrue();
        assertThat(matcher.matches("ACME")).isFalse();
        assertThat(matcher.matches("edu-berlin")).isTrue();
        assertThat(matcher.matches("edu-")).isTrue();
        assertThat(matcher.matches("t1")).isTrue();
        assertThat(matcher.matches("t12")).isFalse();
        assertThat(matcher.matches("other")).isFalse();
        assertThat(ValueMatcher.of(List.of("*"), false).matches("anything")).isTrue();
    }

    @Test
    void localesMatchIgnoringCaseOnLowerCasedValues() {
        ValueMatcher matcher = ValueMatcher.of(List.of("EN*", "de-CH"), true);
        assertThat(matcher.matches("en-gb")).isTrue();
        assertThat(matcher.matches("de-ch")).isTrue();
        assertThat(matcher.matches("fr")).isFalse();
    }

    @Test
    void globsBacktrackToTheLastStar() {
        assertThat(ValueMatcher.glob("*a*b", "xaxxab")).isTrue();
        assertThat(ValueMatcher.glob("a*b*c", "abbbc")).isTrue();
        assertThat(ValueMatcher.glob("a*b*c", "abbb")).isFalse();
        assertThat(ValueMatcher.glob("**", "")).isTrue();
        assertThat(ValueMatcher.glob("?", "")).isFalse();
    }
}
