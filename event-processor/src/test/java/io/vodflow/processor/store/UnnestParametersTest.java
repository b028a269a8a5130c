package io.vodflow.processor.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** NUL handling of the bound text and JSON arrays (Postgres text refuses U+0000, jsonb refuses its escape). */
class UnnestParametersTest {
    private static final String ESC = "\\" + "u0000"; // the six characters of the JSON escape

    @Test
    void nulEscapesLeaveJsonTextAndEverythingElseStays() {
        assertThat(UnnestParameters.withoutNulEscapes("{\"a\":\"x" + ESC + "y\"}")).isEqualTo("{\"a\":\"xy\"}");
        assertThat(UnnestParameters.withoutNulEscapes("[\"" + ESC + ESC + "\"]")).isEqualTo("[\"\"]");
        assertThat(UnnestParameters.withoutNulEscapes("{\"a\":\"tab\\t \\u00e9\"}")).isEqualTo("{\"a\":\"tab\\t \\u00e9\"}");
        assertThat(UnnestParameters.withoutNulEscapes(null)).isNull();
    }

    @Test
    void anEscapedBackslashBeforeU0000IsTextNotANul() {
        String text = "{\"path\":\"C:\\\\u0000dir\"}"; // a real backslash, then the letters u0000
        assertThat(UnnestParameters.withoutNulEscapes(text)).isEqualTo(text);
        String both = "{\"p\":\"\\\\" + ESC + "\"}"; // an escaped backslash, then a NUL escape
        assertThat(UnnestParameters.withoutNulEscapes(both)).isEqualTo("{\"p\":\"\\\\\"}");
    }
}
