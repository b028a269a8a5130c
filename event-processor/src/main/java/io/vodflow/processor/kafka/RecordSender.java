package io.vodflow.processor.kafka;

import io.vodflow.kit.kafka.KafkaConnectionProperties;
import io.vodflow.processor.config.ProcessorProperties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderOptions;
import reactor.kafka.sender.SenderRecord;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The processor's one reactor-kafka producer (acks=all, idempotent): DLT records, replays, media events. Sends wait
 * until the service's topics are provisioned, so that a producer's metadata request cannot have a broker auto-create
 * one of them with the broker's defaults.
 */
public class RecordSender implements AutoCloseable {
    private final KafkaSender<String, byte[]> sender;
    private final ProcessorProperties props;
    private final Mono<Void> topicsReady;

    /** @param topicsReady completes once the topics the records go to exist */
    public RecordSender(KafkaConnectionProperties kafka, ProcessorProperties props, Mono<Void> topicsReady) {
        this.props = props;
        this.topicsReady = topicsReady;
        Map<String, Object> cfg = new HashMap<>(kafka.clientProperties());
        cfg.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        cfg.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        cfg.put(ProducerConfig.ACKS_CONFIG, "all");
        cfg.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        int linger = 2;
        int send = (int) Math.max(props.sendTimeout().toMillis(), 1_000);
        cfg.put(ProducerConfig.LINGER_MS_CONFIG, linger);
        cfg.put(ProducerConfig.CLIENT_ID_CONFIG, props.groupId() + "-producer");
        cfg.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, send);
        // the producer refuses to start unless delivery.timeout.ms >= linger.ms + request.timeout.ms
        cfg.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(send - linger, 10_000));
        // send() waits up to max.block.ms for a topic's metadata (at the first send, after an idle spell, while the
        // broker is away) on reactor-kafka's one producer thread, which every later send queues behind: Kafka's 60 s
        // default would hold it long after the caller's own timeout gave up, so it stays within the send timeout
        cfg.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(send, 10_000));
        this.sender = KafkaSender.create(SenderOptions.<String, byte[]>create(cfg).stopOnError(true).maxInFlight(1024));
    }

    /** Sends all records and completes once every one is acknowledged; fails if any is not. */
    public Mono<Void> sendAll(List<OutgoingRecord> records) {
        if (records.isEmpty()) {
            return Mono.empty();
        }
        Flux<SenderRecord<String, byte[], Integer>> out = Flux.range(0, records.size()).map(i -> {
            OutgoingRecord r = records.get(i);
            return SenderRecord.create(new ProducerRecord<>(r.topic(), null, r.key(), r.value(),
                    KafkaRecords.toHeaders(r.headers())), i);
        });
        return topicsReady.thenMany(Flux.defer(() -> sender.send(out)))
                .doOnNext(result -> {
                    if (result.exception() != null) {
                        throw new IllegalStateException("kafka send failed", result.exception());
                    }
                })
                .then()
                .timeout(props.sendTimeout().plusSeconds(5));
    }

    @Override
    public void close() {
        sender.close();
    }
}
