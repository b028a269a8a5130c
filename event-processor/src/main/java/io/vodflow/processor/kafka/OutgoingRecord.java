package io.vodflow.processor.kafka;

import java.util.Map;

/** A record the processor sends (DLT, replay, media events). */
public record OutgoingRecord(String topic, String key, byte[] value, Map<String, String> headers) {
}
