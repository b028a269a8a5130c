package io.vodflow.ingress.publish;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/** Puts callbacks on the {@code vod.callbacks} topic; the one seam between the ingress and a Kafka client library. */
public interface CallbackPublisher {

    /**
     * Completes once Kafka has acknowledged the record (acks=all); errors when it cannot, with
     * {@link RecordsRejectedException} when Kafka refuses the record itself. No timeout of its own.
     */
    Mono<Void> publish(CallbackRecord record);

    /**
     * Publishes records in the given order; emits each record's position in the list as Kafka acknowledges it,
     * and once every record has an outcome completes, or errors when any failed. Only then, so the positions
     * emitted are exactly the durable ones: a record acknowledged after another one failed (a broker coming back
     * mid-batch) is still reported, and a caller re-sending the rest does not duplicate it. When the only failures
     * are records Kafka refuses for what they are, the error is a {@link RecordsRejectedException} naming them.
     */
    Flux<Integer> publishInOrder(List<CallbackRecord> records);
}
