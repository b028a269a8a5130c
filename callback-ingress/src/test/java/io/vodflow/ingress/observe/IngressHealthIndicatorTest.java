package io.vodflow.ingress.observe;

import io.vodflow.ingress.fallback.FallbackBacklog;
import io.vodflow.ingress.fallback.FallbackRepository;
import io.vodflow.ingress.intake.KafkaAvailability;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class IngressHealthIndicatorTest {

    @Test
    void kafkaDownAloneKeepsTheInstanceUpBecauseTheFallbackStillAcknowledges() {
        KafkaAvailability kafka = new KafkaAvailability(Clock.systemUTC(), Duration.ofMinutes(1));
        FallbackBacklog backlog = new FallbackBacklog((FallbackRepository) null, Duration.ofSeconds(1));
        IngressHealthIndicator health = new IngressHealthIndicator(kafka, backlog, true);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("kafka", "UP").containsEntry("fallbackStore", "UP")
                .containsEntry("signKeyConfigured", true);

        kafka.markDown();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("kafka", "BYPASSED").containsKey("kafkaLastFailure");
    }

    @Test
    void reportsWhenCallbacksAreNotAuthenticated() {
        KafkaAvailability kafka = new KafkaAvailability(Clock.systemUTC(), Duration.ofMinutes(1));
        FallbackBacklog backlog = new FallbackBacklog((FallbackRepository) null, Duration.ofSeconds(1));
        assertThat(new IngressHealthIndicator(kafka, backlog, false).health().getDetails())
                .containsEntry("signKeyConfigured", false);
    }
}
