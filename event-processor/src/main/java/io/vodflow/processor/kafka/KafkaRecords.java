package io.vodflow.processor.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Converts between Kafka client records/headers and the processor's {@link CallbackRecord}. */
final class KafkaRecords {
    private KafkaRecords() { }

    static CallbackRecord toCallbackRecord(ConsumerRecord<String, byte[]> r) {
        return new CallbackRecord(r.topic(), r.partition(), r.offset(), r.key(), r.value(), headers(r.headers()), r.timestamp());
    }

    static Map<String, String> headers(Headers headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Header h : headers) {
            map.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return map;
    }

    static Headers toHeaders(Map<String, String> headers) {
        RecordHeaders out = new RecordHeaders();
        headers.forEach((k, v) -> out.add(k, v == null ? null : v.getBytes(StandardCharsets.UTF_8)));
        return out;
    }
}
