package io.vodflow.processor.metrics;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Whether committed domain events are reaching vod.media.events: DOWN when no relay round has completed for longer
 * than the stall timeout (Kafka refusing every send, or the relay stopped). Nothing is lost meanwhile, the events wait
 * in the outbox, but downstream services and live streams see none of them.
 */
public final class OutboxRelayHealthIndicator implements HealthIndicator {
    private final Supplier<Duration> sinceSuccess;
    private final Supplier<String> lastFailure;
    private final Duration stallTimeout;

    /** @param sinceSuccess time since a relay round last completed; @param lastFailure the error since then, or null */
    public OutboxRelayHealthIndicator(Supplier<Duration> sinceSuccess, Supplier<String> lastFailure, Duration stallTimeout) {
        this.sinceSuccess = sinceSuccess;
        this.lastFailure = lastFailure;
        this.stallTimeout = stallTimeout;
    }

    @Override
    public Health health() {
        Duration since = sinceSuccess.get();
        Health.Builder h = since.compareTo(stallTimeout) <= 0 ? Health.up() : Health.down();
        h.withDetail("sinceSuccessMs", since.toMillis());
        String failure = lastFailure.get();
        if (failure != null) {
            h.withDetail("lastFailure", failure);
        }
        return h.build();
    }
}
