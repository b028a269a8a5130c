package io.vodflow.ingress;

import io.vodflow.contract.kafka.VodTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A plain consumer over {@code vod.callbacks} that reads what was written after it was opened. */
public final class CallbackTopicReader implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;

    /** Opens the reader positioned at the current end of every partition. */
    public CallbackTopicReader(String bootstrap) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        List<TopicPartition> partitions = consumer.partitionsFor(VodTopics.CALLBACKS, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Polls until {@code expected} matching records arrived or the timeout passed; returns what arrived. */
    public List<ConsumerRecord<String, byte[]>> read(int expected, Predicate<ConsumerRecord<String, byte[]>> filter, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (out.size() < expected && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (filter.test(r)) {
                    out.add(r);
                }
            });
        }
        return out;
    }

    /** Polls for a little while and returns every matching record (to prove that nothing more arrives). */
    public List<ConsumerRecord<String, byte[]>> drain(Predicate<ConsumerRecord<String, byte[]>> filter, Duration quiet) {
        return read(Integer.MAX_VALUE, filter, quiet);
    }

    /** Record headers as text, by name. */
    public static Map<String, String> headers(ConsumerRecord<String, byte[]> r) {
        Map<String, String> h = new HashMap<>();
        for (Header header : r.headers()) {
            h.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return h;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
