package io.vodflow.ingress.observe;

import io.vodflow.ingress.fallback.FallbackBacklog;
import io.vodflow.ingress.intake.KafkaAvailability;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Kafka and fallback state. DOWN only when neither can take a callback; Kafka alone being unavailable is
 * reported as a detail, because the ingress still acknowledges durably through the fallback store.
 */
public final class IngressHealthIndicator implements HealthIndicator {
    private final KafkaAvailability kafka;
    private final FallbackBacklog backlog;
    private final boolean signKeyConfigured;

    /** @param signKeyConfigured whether callbacks must carry a valid Sign/T (shown so `doctor` can check it; never the key) */
    public IngressHealthIndicator(KafkaAvailability kafka, FallbackBacklog backlog, boolean signKeyConfigured) {
        this.kafka = kafka;
        this.backlog = backlog;
        this.signKeyConfigured = signKeyConfigured;
    }

    @Override
    public Health health() {
        boolean kafkaUp = !kafka.down();
        boolean storeUp = backlog.reachable();
        Health.Builder h = kafkaUp || storeUp ? Health.up() : Health.down();
        h.withDetail("kafka", kafkaUp ? "UP" : "BYPASSED")
                .withDetail("fallbackStore", storeUp ? "UP" : "UNREACHABLE")
                .withDetail("fallbackBacklog", backlog.backlog())
                .withDetail("fallbackParked", backlog.parked())
                .withDetail("signKeyConfigured", signKeyConfigured);
        if (kafka.lastFailure() != null) {
            h.withDetail("kafkaLastFailure", kafka.lastFailure().toString());
        }
        return h.build();
    }
}
