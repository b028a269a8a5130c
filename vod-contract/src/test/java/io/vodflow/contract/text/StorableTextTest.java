package io.vodflow.contract.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorableTextTest {

    @Test
    void textWithPairedSurrogatesAndNoNulIsStorable() {
        assertThat(StorableText.storable(null)).isTrue();
        assertThat(StorableText.storable("")).isTrue();
        assertThat(StorableText.storable("holiday 😀 clip, 假期")).isTrue();
    }

    @Test
    void nulAndLoneSurrogatesAreNot() {
        assertThat(StorableText.storable("a\u0000b")).isFalse();
        assertThat(StorableText.storable("a\uD800b")).isFalse();
        assertThat(StorableText.storable("\uDC00x")).isFalse();
        assertThat(StorableText.storable("x\uD83D")).isFalse();
        assertThat(StorableText.storable("\uDE00\uD83D")).isFalse();
    }

    @Test
    void wellFormedOnlyLooksAtSurrogates() {
        assertThat(StorableText.wellFormed("a\u0000b")).isTrue();
        assertThat(StorableText.wellFormed("\uD83D\uDE00")).isTrue();
        assertThat(StorableText.wellFormed("\uD83D\uD83D\uDE00")).isFalse();
    }
}
