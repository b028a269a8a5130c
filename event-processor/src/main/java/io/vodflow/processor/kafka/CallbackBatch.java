package io.vodflow.processor.kafka;

import java.util.List;

/** Records of one or more partitions, each partition's in offset order; processed in one transaction. */
public record CallbackBatch(List<CallbackRecord> records) {

    public int size() {
        return records.size();
    }
}
