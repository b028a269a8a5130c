package io.vodflow.processor.ingest;

import io.vodflow.processor.config.ProcessorProperties;
import io.vodflow.processor.kafka.CallbackBatch;
import io.vodflow.processor.kafka.CallbackRecord;
import io.vodflow.processor.metrics.ProcessorMetrics;
import io.vodflow.processor.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Handles one partition batch: parse (on the parallel scheduler), dead-letter what cannot be parsed, write the
 * rest in one transaction (retried with backoff while the database is unavailable), and only then let the
 * receiver commit. A batch the database refuses for good is split so only the offending records go to the DLT.
 */
public class CallbackBatchHandler {
    private static final Logger log = LoggerFactory.getLogger(CallbackBatchHandler.class);
    private final CallbackRecordDecoder decoder;
    private final DeadLetterPublisher deadLetters;
    private final BatchWriter writer;
    private final ProcessorMetrics metrics;
    private final OutboxRelay relay;
    private final ProcessorProperties props;
    private final Clock clock;

    public CallbackBatchHandler(CallbackRecordDecoder decoder, DeadLetterPublisher deadLetters, BatchWriter writer,
                                ProcessorMetrics metrics, OutboxRelay relay, ProcessorProperties props, Clock clock) {
        this.decoder = decoder;
        this.deadLetters = deadLetters;
        this.writer = writer;
        this.metrics = metrics;
        this.relay = relay;
        this.props = props;
        this.clock = clock;
    }

    /** Completes when the batch is durably applied (or dead-lettered); errors only if it must be re-read. */
    public Mono<Void> handle(CallbackBatch batch) {
        long start = System.nanoTime();
        long oldest = batch.records().stream().mapToLong(CallbackRecord::timestamp).filter(t -> t > 0).min().orElse(0);
        long now = clock.millis();
        if (oldest > 0 && now >= oldest) {
            metrics.batchWait(Duration.ofMillis(now - oldest));
        }
        return Mono.fromCallable(() -> batch.records().stream().map(decoder::decode).toList())
                .subscribeOn(Schedulers.parallel())
                .flatMap(decoded -> {
                    List<DecodedRecord.Parsed> parsed = new ArrayList<>();
                    List<DecodedRecord.Rejected> rejected = new ArrayList<>();
                    decoded.forEach(d -> {
                        if (d instanceof DecodedRecord.Parsed p) {
                            parsed.add(p);
                        } else {
                            rejected.add((DecodedRecord.Rejected) d);
                        }
                    });
                    return deadLetters.publish(rejected)
                            .then(writeOrIsolate(parsed, rejected.size()))
                            .doOnNext(outcome -> completed(batch, parsed, outcome, start));
                })
                .then();
    }

    private Mono<BatchOutcome> writeOrIsolate(List<DecodedRecord.Parsed> parsed, int rejected) {
        return withRetry(() -> writer.write(parsed, rejected))
                .onErrorResume(FailurePolicy::isPermanent, e -> {
                    log.atWarn().addKeyValue("records", parsed.size()).addKeyValue("error", e.getClass().getSimpleName())
                            .log("batch refused; applying its records one by one");
                    return Flux.fromIterable(parsed)
                            .concatMap(p -> withRetry(() -> writer.write(List.of(p), 0))
                                    .onErrorResume(FailurePolicy::isPermanent, err -> deadLetters.publish(List.of(
                                                    new DecodedRecord.Rejected(p.record(), err.getClass().getName(), String.valueOf(err.getMessage()))))
                                            .thenReturn(new BatchOutcome(1, 0, 0, 1, 0, 0, 0))))
                            .reduce(new BatchOutcome(rejected, 0, 0, rejected, 0, 0, 0), CallbackBatchHandler::sum);
                });
    }

    private Mono<BatchOutcome> withRetry(Supplier<Mono<BatchOutcome>> write) {
        return Mono.defer(write)
                .timeout(props.batchTimeout())
                .retryWhen(Retry.backoff(Long.MAX_VALUE, props.retryInitialBackoff())
                        .maxBackoff(props.retryMaxBackoff())
                        .filter(FailurePolicy::isTransient)
                        .doBeforeRetry(s -> {
                            metrics.retry();
                            log.atWarn().addKeyValue("attempt", s.totalRetries() + 1)
                                    .addKeyValue("error", s.failure().getClass().getSimpleName())
                                    .log("batch transaction failed; retrying");
                        }));
    }

    private void completed(CallbackBatch batch, List<DecodedRecord.Parsed> parsed, BatchOutcome outcome, long startNanos) {
        metrics.batch(batch.size(), Duration.ofNanos(System.nanoTime() - startNanos), outcome.applied(), outcome.duplicates());
        metrics.conflicts(outcome.conflicts());
        metrics.unknownEvents(outcome.unknowns());
        long now = clock.millis();
        parsed.forEach(p -> {
            if (p.receivedAtMillis() > 0 && now >= p.receivedAtMillis()) {
                metrics.endToEnd(Duration.ofMillis(now - p.receivedAtMillis()));
            }
        });
        if (outcome.outboxEvents() > 0) {
            relay.wakeUp();
        }
    }

    private static BatchOutcome sum(BatchOutcome a, BatchOutcome b) {
        return new BatchOutcome(a.records() + b.records(), a.applied() + b.applied(), a.duplicates() + b.duplicates(),
                a.rejected() + b.rejected(), a.conflicts() + b.conflicts(), a.unknowns() + b.unknowns(),
                a.outboxEvents() + b.outboxEvents());
    }
}
