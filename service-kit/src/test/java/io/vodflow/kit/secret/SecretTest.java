package io.vodflow.kit.secret;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretTest {

    @Test
    void toStringNeverShowsTheValue() {
        Secret s = Secret.of("very-secret-value");
        assertThat(s.toString()).doesNotContain("very").isEqualTo("******");
        assertThat(String.valueOf(s)).doesNotContain("secret-value");
        assertThat(s.reveal()).isEqualTo("very-secret-value");
    }

    @Test
    void equalityComparesValues() {
        assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).isNotEqualTo(Secret.of("b"));
    }
}
