package io.vodflow.processor.kafka;

import java.util.Map;

/** One vod.callbacks record as the rest of the processor sees it, free of Kafka client types. */
public record CallbackRecord(String topic, int partition, long offset, String key, byte[] value,
                             Map<String, String> headers, long timestamp) {

    /** A header value, or null. */
    public String header(String name) {
        return headers.get(name);
    }
}
