package io.vodflow.processor.kafka;

import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.kit.kafka.KafkaConnectionProperties;
import io.vodflow.processor.config.ProcessorProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves vod.callbacks.DLT records back to vod.callbacks (key, body and original headers, without the DLT error
 * headers, with a replay count). Reads up to the end offsets seen at the start, so a record that fails again
 * is not replayed twice in one call; the replay group's committed offsets remember what was moved.
 */
public class DeadLetterReplayer {
    /** Bodies held for one call: dead letters are where oversized bodies end up, and max alone would not bound them. */
    static final long MAX_BATCH_BYTES = 64L << 20;
    private final KafkaConnectionProperties kafka;
    private final ProcessorProperties props;
    private final RecordSender sender;
    private final Scheduler blocking;

    public DeadLetterReplayer(KafkaConnectionProperties kafka, ProcessorProperties props, RecordSender sender, Scheduler blocking) {
        this.kafka = kafka;
        this.props = props;
        this.sender = sender;
        this.blocking = blocking;
    }

    /** Replays at most {@code max} records; returns how many were moved. */
    public Mono<Integer> replay(int max) {
        return Mono.fromCallable(this::open).subscribeOn(blocking)
                .flatMap(consumer -> Mono.fromCallable(() -> read(consumer, max)).subscribeOn(blocking)
                        .flatMap(batch -> sender.sendAll(batch.records())
                                .then(Mono.fromRunnable(() -> exclusively(consumer, () -> consumer.commitSync(batch.offsets())))
                                        .subscribeOn(blocking))
                                .thenReturn(batch.records().size()))
                        // a caller that went away mid-read must not close the consumer under the reading thread
                        .doFinally(s -> blocking.schedule(() -> exclusively(consumer, consumer::close))));
    }

    /** KafkaConsumer refuses use from two threads at once; the read, the commit and the close take turns. */
    private static void exclusively(KafkaConsumer<String, byte[]> consumer, Runnable action) {
        synchronized (consumer) {
            action.run();
        }
    }

    KafkaConsumer<String, byte[]> open() {
        Map<String, Object> cfg = new HashMap<>(kafka.consumerProperties());
        cfg.put(ConsumerConfig.GROUP_ID_CONFIG, props.groupId() + "-dlt-replay");
        cfg.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        cfg.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        cfg.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(cfg);
    }

    record ReplayBatch(List<OutgoingRecord> records, Map<TopicPartition, OffsetAndMetadata> offsets) { }

    private ReplayBatch read(KafkaConsumer<String, byte[]> consumer, int max) {
        synchronized (consumer) {
            return readHeld(consumer, max, MAX_BATCH_BYTES);
        }
    }

    ReplayBatch readHeld(KafkaConsumer<String, byte[]> consumer, int max, long maxBytes) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo p : consumer.partitionsFor(VodTopics.CALLBACKS_DLT, Duration.ofSeconds(10))) {
            partitions.add(new TopicPartition(p.topic(), p.partition()));
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions), Duration.ofSeconds(10));
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            if (c == null) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, c.offset());
            }
        }
        List<OutgoingRecord> out = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long bytes = 0;
        // once full, nothing more is taken from any partition, so no committed offset passes a record left behind
        boolean full = false;
        while (!full && !caughtUp(consumer, partitions, end) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                long size = r.value() == null ? 0 : r.value().length;
                full = full || out.size() >= max || (!out.isEmpty() && bytes + size > maxBytes);
                if (full || r.offset() >= end.get(tp)) {
                    continue;
                }
                out.add(new OutgoingRecord(VodTopics.CALLBACKS, r.key(), r.value(), replayHeaders(r)));
                offsets.put(tp, new OffsetAndMetadata(r.offset() + 1));
                bytes += size;
            }
        }
        return new ReplayBatch(out, offsets);
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
    }

    private static Map<String, String> replayHeaders(ConsumerRecord<String, byte[]> r) {
        Map<String, String> headers = new LinkedHashMap<>(KafkaRecords.headers(r.headers()));
        String replays = headers.get(DeadLetterHeaders.REPLAYS);
        headers.keySet().removeIf(k -> k.startsWith("dlt-"));
        int count = 0;
        try {
            count = replays == null ? 0 : Integer.parseInt(replays);
        } catch (NumberFormatException ignored) {
            // a foreign value: start counting again
        }
        headers.put(DeadLetterHeaders.REPLAYS, String.valueOf(count + 1));
        return headers;
    }
}
