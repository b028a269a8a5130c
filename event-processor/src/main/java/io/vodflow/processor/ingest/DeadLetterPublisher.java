package io.vodflow.processor.ingest;

import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.processor.kafka.CallbackRecord;
import io.vodflow.processor.kafka.DeadLetterHeaders;
import io.vodflow.processor.kafka.OutgoingRecord;
import io.vodflow.processor.kafka.RecordSender;
import io.vodflow.processor.metrics.ProcessorMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sends records that can never be processed to vod.callbacks.DLT, body and headers untouched plus the error. */
public class DeadLetterPublisher {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);
    private final RecordSender sender;
    private final ProcessorMetrics metrics;
    private final Clock clock;

    public DeadLetterPublisher(RecordSender sender, ProcessorMetrics metrics, Clock clock) {
        this.sender = sender;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Completes once Kafka acknowledged every dead letter (before the batch's offsets may be committed). */
    public Mono<Void> publish(List<DecodedRecord.Rejected> rejected) {
        if (rejected.isEmpty()) {
            return Mono.empty();
        }
        List<OutgoingRecord> out = rejected.stream().map(this::toDeadLetter).toList();
        return sender.sendAll(out).doOnSuccess(v -> rejected.forEach(r -> {
            metrics.deadLettered(r.errorClass());
            log.atWarn().addKeyValue("partition", r.record().partition()).addKeyValue("offset", r.record().offset())
                    .addKeyValue("key", r.record().key()).addKeyValue("error", r.errorClass())
                    .log("record sent to the dead-letter topic");
        }));
    }

    private OutgoingRecord toDeadLetter(DecodedRecord.Rejected r) {
        CallbackRecord rec = r.record();
        Map<String, String> headers = new LinkedHashMap<>(rec.headers());
        headers.put(DeadLetterHeaders.ERROR_CLASS, r.errorClass());
        headers.put(DeadLetterHeaders.ERROR_MESSAGE, r.errorMessage());
        headers.put(DeadLetterHeaders.ORIGINAL_TOPIC, rec.topic());
        headers.put(DeadLetterHeaders.ORIGINAL_PARTITION, String.valueOf(rec.partition()));
        headers.put(DeadLetterHeaders.ORIGINAL_OFFSET, String.valueOf(rec.offset()));
        headers.put(DeadLetterHeaders.FAILED_AT, String.valueOf(clock.millis()));
        return new OutgoingRecord(VodTopics.CALLBACKS_DLT, rec.key(), rec.value(), headers);
    }
}
