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

    public IngressHealthIndicator(KafkaAvailability kafka, FallbackBacklog backlog) {
        this.kafka = kafka;
        this.backlog = backlog;
    }

    @Override
    public Health health() {
        boolean kafkaUp = !kafka.down();
        boolean storeUp = backlog.reachable();
        Health.Builder h = kafkaUp || storeUp ? Health.up() : Health.down();
        h.withDetail("kafka", kafkaUp ? "UP" : "BYPASSED")
                .withDetail("fallbackStore", storeUp ? "UP" : "UNREACHABLE")
                .withDetail("fallbackBacklog", backlog.backlog());
        if (kafka.lastFailure() != null) {
            h.withDetail("kafkaLastFailure", kafka.lastFailure().toString());
        }
        return h.build();
    }
}
