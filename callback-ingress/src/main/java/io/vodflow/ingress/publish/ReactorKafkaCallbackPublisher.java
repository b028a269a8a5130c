package io.vodflow.ingress.publish;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.beans.factory.DisposableBean;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderOptions;
import reactor.kafka.sender.SenderRecord;
import reactor.kafka.sender.SenderResult;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link CallbackPublisher} on reactor-kafka's {@link KafkaSender}: one idempotent acks=all producer per instance.
 * A publish waits until the topic is provisioned and its metadata known, within the caller's own deadline (past it
 * the caller keeps the callback in the fallback store): a send before that would name the topic in the producer's
 * metadata requests, which a broker with auto.create.topics.enable answers by creating it with the broker's
 * defaults instead of the configured partitions and replicas, and with max.block.ms 0 it would fail at once anyway.
 */
public final class ReactorKafkaCallbackPublisher implements CallbackPublisher, DisposableBean {
    private final KafkaSender<String, byte[]> sender;
    private final KafkaRecordMapper mapper;
    private final Disposable metadataWarmUp;
    private final Sinks.Empty<Void> ready = Sinks.empty();
    // the hot path reads this flag rather than subscribing to the sink once the topic is ready
    private volatile boolean topicReady;

    /**
     * @param producerConfig complete producer configuration (see {@link ProducerSettings})
     * @param provisioned completes once {@code topic} exists as configured
     */
    public ReactorKafkaCallbackPublisher(Map<String, Object> producerConfig, String topic, Mono<Void> provisioned) {
        // failures come back per record (not as the end of the stream), so a batch learns the outcome of each record
        this.sender = KafkaSender.create(SenderOptions.<String, byte[]>create(producerConfig)
                .maxInFlight(1024)
                .stopOnError(false)
                // acks are handed on from the producer's network thread, not via a hop to reactor-kafka's own
                // sender thread: what follows an ack only completes the exchange, whose answer the event loop writes
                .scheduler(Schedulers.immediate())
                .closeTimeout(Duration.ofSeconds(5)));
        this.mapper = new KafkaRecordMapper(topic);
        // sends never wait for metadata (max.block.ms=0), so once the topic exists its metadata is fetched here, off
        // the event loops, until it arrives
        this.metadataWarmUp = provisioned
                .then(sender.doOnProducer(producer -> producer.partitionsFor(topic))
                        .subscribeOn(Schedulers.boundedElastic())
                        .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, Duration.ofMillis(200))))
                .subscribe(partitions -> {
                    topicReady = true;
                    ready.tryEmitEmpty();
                }, error -> { });
    }

    /** Completes once the topic exists and its metadata is known, so a send no longer waits; never fails. */
    public Mono<Void> whenReady() {
        return ready.asMono();
    }

    @Override
    public Mono<Void> publish(CallbackRecord record) {
        Mono<Void> send = sender.send(Mono.fromSupplier(() -> SenderRecord.create(mapper.toProducerRecord(record), (Void) null)))
                .flatMap(result -> result.exception() == null ? Mono.<Void>empty()
                        : Mono.<Void>error(refusesRecord(result.exception())
                                ? new RecordsRejectedException(List.of(0), result.exception()) : result.exception()))
                .then();
        return topicReady ? send : ready.asMono().then(send);
    }

    @Override
    public Flux<Integer> publishInOrder(List<CallbackRecord> records) {
        if (records.isEmpty()) {
            return Flux.empty();
        }
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        // results arrive on the producer's network thread; the set keeps the refused positions ascending
        NavigableSet<Integer> refused = new ConcurrentSkipListSet<>();
        AtomicReference<Exception> firstRefusal = new AtomicReference<>();
        Flux<Integer> sent = sender.send(Flux.range(0, records.size())
                        .map(i -> SenderRecord.create(mapper.toProducerRecord(records.get(i)), i)))
                .filter(result -> {
                    Exception e = result.exception();
                    if (e == null) {
                        return true;
                    }
                    if (refusesRecord(e)) {
                        refused.add(result.correlationMetadata());
                        firstRefusal.compareAndSet(null, e);
                    } else {
                        firstFailure.compareAndSet(null, e);
                    }
                    return false;
                })
                .map(SenderResult::correlationMetadata)
                // the sender ends with the first failed result's exception once every record has its outcome; the
                // outcomes seen above say more (which records Kafka refused), so that ending is replaced. Any other
                // ending (a fatal error that cut the stream short) goes on as it is
                .onErrorResume(e -> e != firstFailure.get() && e != firstRefusal.get() ? Mono.error(e) : Mono.empty())
                // a failure of the cluster outranks refused records: the whole rest is retried, refusals included
                .concatWith(Mono.defer(() -> firstFailure.get() != null ? Mono.error(firstFailure.get())
                        : firstRefusal.get() != null ? Mono.error(new RecordsRejectedException(List.copyOf(refused),
                        firstRefusal.get())) : Mono.empty()));
        return topicReady ? sent : ready.asMono().thenMany(sent);
    }

    /** Errors about the record itself, which the same record meets again on every retry. */
    private static boolean refusesRecord(Throwable e) {
        return e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidRecordException || e instanceof SerializationException;
    }

    @Override
    public void destroy() {
        metadataWarmUp.dispose();
        sender.close();
    }
}
