package io.vodflow.processor.metrics;

import io.vodflow.processor.kafka.ConsumerLiveness;
import io.vodflow.processor.kafka.ConsumerLiveness.Snapshot;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Whether the callbacks consumer is consuming: DOWN when its poll thread stopped answering, or one poll has been
 * applied for longer than the stall timeout (a hung pipeline, or a database that has refused every retry that long).
 * Without it a consumer stopped by a JVM error left health UP and the lag gauge flat while nothing was processed.
 */
public final class ConsumerHealthIndicator implements HealthIndicator {
    private final ConsumerLiveness liveness;
    private final LongSupplier lag;
    private final Duration stallTimeout;
    private final Duration answerTimeout;

    /** @param lagRefresh how often the poll thread is asked for the lag, which is also how often it answers */
    public ConsumerHealthIndicator(ConsumerLiveness liveness, LongSupplier lag, Duration stallTimeout, Duration lagRefresh) {
        this.liveness = liveness;
        this.lag = lag;
        this.stallTimeout = stallTimeout;
        Duration threeSamples = lagRefresh.multipliedBy(3);
        this.answerTimeout = threeSamples.compareTo(stallTimeout) > 0 ? threeSamples : stallTimeout;
    }

    @Override
    public Health health() {
        Snapshot s = liveness.snapshot();
        boolean answering = s.sinceAnswer().compareTo(answerTimeout) <= 0;
        boolean stalled = s.pollRunning() != null && s.pollRunning().compareTo(stallTimeout) > 0;
        Health.Builder h = answering && !stalled ? Health.up() : Health.down();
        h.withDetail("state", !answering ? "NOT_ANSWERING" : stalled ? "STALLED" : "CONSUMING")
                .withDetail("partitions", s.partitions())
                .withDetail("lag", lag.getAsLong())
                .withDetail("sinceAnswerMs", s.sinceAnswer().toMillis());
        if (s.pollRunning() != null) {
            h.withDetail("pollRunningMs", s.pollRunning().toMillis());
        }
        if (s.sinceApplied() != null) {
            h.withDetail("sinceAppliedMs", s.sinceApplied().toMillis());
        }
        return h.build();
    }
}
