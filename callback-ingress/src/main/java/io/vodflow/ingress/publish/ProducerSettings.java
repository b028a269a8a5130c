package io.vodflow.ingress.publish;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The producer configuration behind "200 only once durable": acks=all, idempotent, bounded waits. */
public final class ProducerSettings {
    private ProducerSettings() { }

    /**
     * @param base        connection properties shared by every client of the service
     * @param linger      batching wait; ~1 ms lets concurrent callbacks share one round trip
     * @param ackDeadline how long a caller waits for an ack
     */
    public static Map<String, Object> of(Map<String, Object> base, Duration linger, Duration ackDeadline) {
        Map<String, Object> p = new HashMap<>(base);
        long lingerMs = linger.toMillis();
        // the producer gives up on a record just before the caller's deadline, so a record the caller then parks
        // in the fallback store is, in all but the in-flight case, never also delivered late by the producer
        long delivery = Math.max(ackDeadline.toMillis() - 100, 1_000);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.LINGER_MS_CONFIG, (int) lingerMs);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        // delivery.timeout.ms must be >= linger.ms + request.timeout.ms
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (delivery - lingerMs));
        // send() runs on the caller's thread, an event loop: it must never wait there for metadata or buffer space.
        // Missing metadata or a full buffer fails the send at once and the callback goes to the fallback store;
        // the publisher fetches the topic's metadata in the background and the producer keeps it while idle
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 0);
        p.put(ProducerConfig.METADATA_MAX_IDLE_CONFIG, (int) Duration.ofDays(1).toMillis());
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return p;
    }
}
