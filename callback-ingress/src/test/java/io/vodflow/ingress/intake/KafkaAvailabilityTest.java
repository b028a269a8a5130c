package io.vodflow.ingress.intake;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaAvailabilityTest {
    static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    void aMissedDeadlineBypassesKafkaForTheRetryInterval() {
        StepClock clock = new StepClock();
        KafkaAvailability kafka = new KafkaAvailability(clock, Duration.ofSeconds(3));
        assertThat(kafka.bypassed()).isFalse();

        kafka.markDown();
        assertThat(kafka.bypassed()).isTrue();
        assertThat(kafka.down()).isTrue();
        clock.now = clock.now.plusMillis(2_999);
        assertThat(kafka.bypassed()).isTrue();
        assertThat(kafka.lastFailure()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void afterTheIntervalExactlyOneCallbackProbesKafkaWhileTheOthersKeepBypassing() {
        StepClock clock = new StepClock();
        KafkaAvailability kafka = new KafkaAvailability(clock, Duration.ofSeconds(3));
        kafka.markDown();
        clock.now = clock.now.plusSeconds(3);

        assertThat(kafka.bypassed()).as("the probe").isFalse();
        assertThat(kafka.bypassed()).as("everyone else").isTrue();
        assertThat(kafka.bypassed()).isTrue();

        kafka.markDown(); // the probe failed: another full interval
        clock.now = clock.now.plusMillis(2_000);
        assertThat(kafka.bypassed()).isTrue();
        clock.now = clock.now.plusMillis(1_000);
        assertThat(kafka.bypassed()).isFalse();
    }

    @Test
    void anAckClosesTheBreaker() {
        KafkaAvailability kafka = new KafkaAvailability(new StepClock(), Duration.ofSeconds(3));
        kafka.markDown();
        kafka.markUp();
        assertThat(kafka.bypassed()).isFalse();
        assertThat(kafka.down()).isFalse();
        assertThat(kafka.bypassed()).isFalse();
    }
}
