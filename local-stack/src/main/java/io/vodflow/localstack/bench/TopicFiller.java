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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** Writes callback records to {@code vod.callbacks} exactly as the ingress would (key, raw value, headers). */
final class TopicFiller {
    private TopicFiller() { }

    /** The records for every body {@code files} produces, in order per file, built before anything is sent. */
    static List<ProducerRecord<String, byte[]>> records(int files, IntFunction<byte[][]> bodiesOfFile) {
        CallbackRoutingReader reader = new CallbackRoutingReader();
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        for (int n = 0; n < files; n++) {
            for (byte[] body : bodiesOfFile.apply(n)) {
                CallbackRouting r = reader.read(body);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(VodTopics.CALLBACKS, r.routingKey(), body);
                header(record, CallbackHeaders.FORMAT, r.format().headerValue());
                header(record, CallbackHeaders.EVENT_TYPE, r.eventType());
                header(record, CallbackHeaders.SOURCE, "push");
                header(record, CallbackHeaders.DEDUPE_ID, r.dedupeId());
                out.add(record);
            }
        }
        return out;
    }

    /** Sends the records (stamped with the receive time now) and waits for every ack; returns how many. */
    static int send(String bootstrap, List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", true, "linger.ms", 5,
                "batch.size", 262_144, "compression.type", "lz4"), new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : records) {
                header(record, CallbackHeaders.RECEIVED_AT, String.valueOf(System.currentTimeMillis()));
                producer.send(record);
            }
            producer.flush();
        }
        return records.size();
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
