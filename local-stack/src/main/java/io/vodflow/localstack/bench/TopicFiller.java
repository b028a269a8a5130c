package io.vodflow.localstack.bench;

import io.vodflow.contract.event.CallbackRouting;
import io.vodflow.contract.event.CallbackRoutingReader;
import io.vodflow.contract.kafka.CallbackHeaders;
import io.vodflow.contract.kafka.VodTopics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.IntFunction;

/** Writes callback records to {@code vod.callbacks} exactly as the ingress would (key, raw value, headers). */
final class TopicFiller {
    private TopicFiller() { }

    /** Writes every body {@code files} produces, in order per file; returns the number of records. */
    static int fill(String bootstrap, int files, IntFunction<byte[][]> bodiesOfFile) throws Exception {
        CallbackRoutingReader reader = new CallbackRoutingReader();
        int count = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", true, "linger.ms", 5,
                "batch.size", 262_144, "compression.type", "lz4"), new StringSerializer(), new ByteArraySerializer())) {
            for (int n = 0; n < files; n++) {
                for (byte[] body : bodiesOfFile.apply(n)) {
                    CallbackRouting r = reader.read(body);
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(VodTopics.CALLBACKS, r.routingKey(), body);
                    header(record, CallbackHeaders.FORMAT, r.format().headerValue());
                    header(record, CallbackHeaders.EVENT_TYPE, r.eventType());
                    header(record, CallbackHeaders.RECEIVED_AT, String.valueOf(System.currentTimeMillis()));
                    header(record, CallbackHeaders.SOURCE, "push");
                    header(record, CallbackHeaders.DEDUPE_ID, r.dedupeId());
                    producer.send(record);
                    count++;
                }
            }
            producer.flush();
        }
        return count;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
