package io.vodflow.processor.metrics;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox relay counts as relaying while a round completed within the stall timeout. */
class OutboxRelayHealthIndicatorTest {
    private final AtomicReference<Duration> since = new AtomicReference<>(Duration.ofSeconds(1));
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final OutboxRelayHealthIndicator health = new OutboxRelayHealthIndicator(since::get, failure::get, Duration.ofMinutes(2));

    @Test
    void isDownOnceARelayWhoseRoundsHaveFailedForLongerThanTheStallTimeout() {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("sinceSuccessMs", 1_000L).doesNotContainKey("lastFailure");

        failure.set("TimeoutException");
        since.set(Duration.ofMinutes(2));
        assertThat(health.health().getStatus()).as("failing, but not yet for the whole timeout").isEqualTo(Status.UP);

        since.set(Duration.ofMinutes(2).plusMillis(1));
        Health h = health.health();
        assertThat(h.getStatus()).isEqualTo(Status.DOWN);
        assertThat(h.getDetails()).containsEntry("lastFailure", "TimeoutException").containsEntry("sinceSuccessMs", 120_001L);
    }
}
