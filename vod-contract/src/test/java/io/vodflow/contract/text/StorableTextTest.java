package io.vodflow.contract.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorableTextTest {

    @Test
    void textWhoseSurrogatesArePairedIsWellFormed() {
        assertThat(StorableText.wellFormed("")).isTrue();
        assertThat(StorableText.wellFormed("holiday 😀 clip, 假期")).isTrue();
        assertThat(StorableText.wellFormed("\uD83D\uDE00")).isTrue();
        // NUL is no surrogate: the callers refuse it under a rule of their own
        assertThat(StorableText.wellFormed("a\u0000b")).isTrue();
    }

    @Test
    void aLoneOrMisorderedSurrogateIsNot() {
        for (String s : new String[] {"a\uD800b", "\uDC00x", "x\uD83D", "\uDE00\uD83D", "\uD83D\uD83D\uDE00"}) {
            assertThat(StorableText.wellFormed(s)).as(s).isFalse();
        }
    }
}
