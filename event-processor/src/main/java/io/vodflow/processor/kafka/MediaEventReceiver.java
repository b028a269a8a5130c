package io.vodflow.processor.kafka;

import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.kit.kafka.KafkaConnectionProperties;
import io.vodflow.processor.config.ProcessorProperties;
import io.vodflow.processor.outbox.OutboxRelay;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.kafka.receiver.KafkaReceiver;
import reactor.kafka.receiver.ReceiverOptions;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tails vod.media.events for this instance's live streams: a group of its own (every instance sees every
 * event), starting at the end, never committing.
 */
public class MediaEventReceiver {
    private final KafkaConnectionProperties kafka;
    private final ProcessorProperties props;
    private final AtomicBoolean assigned = new AtomicBoolean();
    private final Mono<Void> topicsReady;

    /** Subscribes only once {@code topicsReady} completes: until vod.media.events exists it could only warn. */
    public MediaEventReceiver(KafkaConnectionProperties kafka, ProcessorProperties props, Mono<Void> topicsReady) {
        this.kafka = kafka;
        this.props = props;
        this.topicsReady = topicsReady;
    }

    /** True once the tail owns its partitions (events published from now on will be seen). */
    public boolean assigned() {
        return assigned.get();
    }

    /** One tailed event: its id (the relay's event-id header, null if absent) and its JSON bytes. */
    public record TailedEvent(String eventId, byte[] json) { }

    public Flux<TailedEvent> tail() {
        return topicsReady.thenMany(Flux.defer(this::tailNow));
    }

    private Flux<TailedEvent> tailNow() {
        Map<String, Object> cfg = new HashMap<>(kafka.consumerProperties());
        cfg.put(ConsumerConfig.GROUP_ID_CONFIG, props.liveGroupPrefix() + "-" + UUID.randomUUID());
        cfg.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        cfg.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        cfg.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        cfg.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        ReceiverOptions<String, byte[]> options = ReceiverOptions.<String, byte[]>create(cfg)
                .subscription(List.of(VodTopics.MEDIA_EVENTS))
                .addAssignListener(parts -> assigned.set(true))
                .addRevokeListener(parts -> assigned.set(false));
        // receive() without acknowledging: nothing is ever committed (receiveAtmostOnce would commit every record)
        return KafkaReceiver.create(options).receive().map(r -> {
            Header id = r.headers().lastHeader(OutboxRelay.EVENT_ID_HEADER);
            return new TailedEvent(id == null ? null : new String(id.value(), StandardCharsets.UTF_8), r.value());
        });
    }
}
