package io.vodflow.processor.project;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Times from VOD payloads: a value Postgres could not store reads as absent rather than failing the batch. */
class TextsTest {

    @Test
    void readsIsoInstantsInsideTheStorableYears() {
        assertThat(Texts.instant(" 2026-12-06T10:00:00Z ")).isEqualTo(Instant.parse("2026-12-06T10:00:00Z"));
        assertThat(Texts.instant("9999-12-31T23:59:59Z")).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(Texts.instant("0001-01-01T00:00:00Z")).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    }

    @Test
    void yearsPostgresCannotTakeAsTextAreAbsent() {
        assertThat(Texts.instant("+10000-01-01T00:00:00Z")).isNull();
        assertThat(Texts.instant("-290000-01-01T00:00:00Z")).isNull();
        assertThat(Texts.instant("0000-12-31T23:59:59Z")).isNull();
        assertThat(Texts.instant("9999-12-31T23:59:59.9999999Z")).as("rounds up into year 10000").isNull();
    }

    @Test
    void blankOrMalformedIsAbsent() {
        assertThat(Texts.instant("")).isNull();
        assertThat(Texts.instant(null)).isNull();
        assertThat(Texts.instant("not-a-time")).isNull();
    }
}
