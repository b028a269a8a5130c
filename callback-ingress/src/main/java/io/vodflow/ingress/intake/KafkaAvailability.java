package io.vodflow.ingress.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A breaker over Kafka: after a missed ack deadline, callbacks go straight to the fallback for a while
 * instead of each waiting out the deadline. When the while is over, one callback probes Kafka while the rest
 * keep using the fallback, so an outage never piles up in-flight requests; an ack (or a relay success) closes it.
 */
public final class KafkaAvailability {
    private final Clock clock;
    private final long retryMillis;
    private final AtomicLong bypassUntil = new AtomicLong();
    private volatile Instant lastFailure;

    public KafkaAvailability(Clock clock, Duration retryInterval) {
        this.clock = clock;
        this.retryMillis = retryInterval.toMillis();
    }

    /** True when this callback should skip Kafka and go straight to the fallback store. */
    public boolean bypassed() {
        long until = bypassUntil.get();
        if (until == 0) {
            return false;
        }
        long now = clock.millis();
        if (now < until) {
            return true;
        }
        // half-open: the caller that wins the swap probes Kafka; the others keep bypassing meanwhile
        return !bypassUntil.compareAndSet(until, now + retryMillis);
    }

    /** Whether Kafka is currently considered unavailable (for health), without taking the probe. */
    public boolean down() {
        return bypassUntil.get() != 0;
    }

    /** Kafka missed a deadline or failed a send. */
    public void markDown() {
        lastFailure = clock.instant();
        bypassUntil.set(clock.millis() + retryMillis);
    }

    /** Kafka acknowledged a send. */
    public void markUp() {
        if (bypassUntil.get() != 0) {
            bypassUntil.set(0);
        }
    }

    /** When Kafka last failed, or null if never. */
    public Instant lastFailure() {
        return lastFailure;
    }
}
