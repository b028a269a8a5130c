package io.vodflow.ingress.publish;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/** Puts callbacks on the {@code vod.callbacks} topic; the one seam between the ingress and a Kafka client library. */
public interface CallbackPublisher {

    /** Completes once Kafka has acknowledged the record (acks=all); errors when it cannot. No timeout of its own. */
    Mono<Void> publish(CallbackRecord record);

    /**
     * Publishes records in the given order; emits each record's position in the list as Kafka acknowledges it,
     * completes once all are acknowledged, and errors as soon as one fails (positions emitted until then are durable).
     */
    Flux<Integer> publishInOrder(List<CallbackRecord> records);
}
