package io.vodflow.ingress.publish;

import org.springframework.beans.factory.DisposableBean;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderOptions;
import reactor.kafka.sender.SenderRecord;
import reactor.kafka.sender.SenderResult;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** {@link CallbackPublisher} on reactor-kafka's {@link KafkaSender}: one idempotent acks=all producer per instance. */
public final class ReactorKafkaCallbackPublisher implements CallbackPublisher, DisposableBean {
    private final KafkaSender<String, byte[]> sender;
    private final KafkaRecordMapper mapper;
    private final Disposable metadataWarmUp;

    /** @param producerConfig complete producer configuration (see {@link ProducerSettings}) */
    public ReactorKafkaCallbackPublisher(Map<String, Object> producerConfig, String topic) {
        // failures come back per record (not as the end of the stream), so a batch learns the outcome of each record
        this.sender = KafkaSender.create(SenderOptions.<String, byte[]>create(producerConfig)
                .maxInFlight(1024)
                .stopOnError(false)
                // acks are handed on from the producer's network thread, not via a hop to reactor-kafka's own
                // sender thread: what follows an ack only completes the exchange, whose answer the event loop writes
                .scheduler(Schedulers.immediate())
                .closeTimeout(Duration.ofSeconds(5)));
        this.mapper = new KafkaRecordMapper(topic);
        // sends never wait for metadata (max.block.ms=0), so it is fetched here, off the event loops, until it arrives
        this.metadataWarmUp = sender.doOnProducer(producer -> producer.partitionsFor(topic))
                .subscribeOn(Schedulers.boundedElastic())
                .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, Duration.ofMillis(200)))
                .subscribe(partitions -> { }, error -> { });
    }

    @Override
    public Mono<Void> publish(CallbackRecord record) {
        return sender.send(Mono.fromSupplier(() -> SenderRecord.create(mapper.toProducerRecord(record), (Void) null)))
                .flatMap(result -> result.exception() == null ? Mono.<Void>empty() : Mono.<Void>error(result.exception()))
                .then();
    }

    @Override
    public Flux<Integer> publishInOrder(List<CallbackRecord> records) {
        if (records.isEmpty()) {
            return Flux.empty();
        }
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        return sender.send(Flux.range(0, records.size())
                        .map(i -> SenderRecord.create(mapper.toProducerRecord(records.get(i)), i)))
                .filter(result -> {
                    if (result.exception() == null) {
                        return true;
                    }
                    firstFailure.compareAndSet(null, result.exception());
                    return false;
                })
                .map(SenderResult::correlationMetadata)
                .concatWith(Mono.defer(() -> firstFailure.get() == null ? Mono.empty() : Mono.error(firstFailure.get())));
    }

    @Override
    public void destroy() {
        metadataWarmUp.dispose();
        sender.close();
    }
}
