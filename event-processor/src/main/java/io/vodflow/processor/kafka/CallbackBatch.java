package io.vodflow.processor.kafka;

import java.util.List;

/** Consecutive records of one partition, in offset order; processed in one transaction. */
public record CallbackBatch(String topic, int partition, List<CallbackRecord> records) {

    public int size() {
        return records.size();
    }
}
