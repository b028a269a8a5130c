package io.vodflow.kit.kafka;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Where Kafka is (VODFLOW_KAFKA_BOOTSTRAP) and how the topics a service needs are created when missing. */
@Validated
@ConfigurationProperties("vodflow.kafka")
public record KafkaConnectionProperties(
        /** Comma-separated bootstrap servers. */
        @NotBlank String bootstrap,
        /** Partitions of topics created at start. */
        @DefaultValue("6") @Min(1) @Max(1000) int partitions,
        /** Replication factor of topics created at start; unset = the broker's {@code default.replication.factor}. */
        @Min(1) @Max(10) Short replication,
        /** min.insync.replicas of topics created at start; unset = the broker's default. */
        @Min(1) @Max(10) Integer minInsyncReplicas,
        /** Pause between attempts to create topics while Kafka is unreachable. */
        @DefaultValue("5s") Duration provisionRetry,
        /** Extra client properties passed to every producer, consumer and admin client (e.g. security). */
        Map<String, String> client) {

    /** Properties common to every Kafka client of the service. */
    public Map<String, Object> clientProperties() {
        return withClientSettings(new HashMap<>());
    }

    /**
     * {@link #clientProperties()} for a consumer: subscribing must not make a broker with auto.create.topics.enable
     * create a topic with its own defaults before the service provisions it (an operator's setting still wins).
     */
    public Map<String, Object> consumerProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put("allow.auto.create.topics", false);
        return withClientSettings(props);
    }

    private Map<String, Object> withClientSettings(Map<String, Object> props) {
        props.put("bootstrap.servers", bootstrap);
        if (client != null) {
            props.putAll(client);
        }
        return props;
    }
}
