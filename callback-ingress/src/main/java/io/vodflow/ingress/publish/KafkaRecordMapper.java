package io.vodflow.ingress.publish;

import io.vodflow.contract.kafka.CallbackHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Maps a {@link CallbackRecord} onto a Kafka record with the {@link CallbackHeaders} headers. */
final class KafkaRecordMapper {
    private final String topic;

    KafkaRecordMapper(String topic) {
        this.topic = topic;
    }

    ProducerRecord<String, byte[]> toProducerRecord(CallbackRecord r) {
        List<Header> headers = new ArrayList<>(6);
        headers.add(header(CallbackHeaders.FORMAT, r.format().headerValue()));
        headers.add(header(CallbackHeaders.EVENT_TYPE, r.eventType()));
        headers.add(header(CallbackHeaders.RECEIVED_AT, Long.toString(r.receivedAtMillis())));
        headers.add(header(CallbackHeaders.SOURCE, r.source().headerValue()));
        if (r.subAppId() != null) {
            headers.add(header(CallbackHeaders.SUB_APP, r.subAppId()));
        }
        headers.add(header(CallbackHeaders.DEDUPE_ID, r.dedupeId()));
        return new ProducerRecord<>(topic, null, r.key(), r.value(), headers);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
