package io.vodflow.processor.outbox;

import io.vodflow.contract.kafka.VodTopics;
import io.vodflow.kit.lifecycle.SubscriptionLifecycle;
import io.vodflow.processor.config.ProcessorProperties;
import io.vodflow.processor.kafka.OutgoingRecord;
import io.vodflow.processor.kafka.RecordSender;
import io.vodflow.processor.metrics.ProcessorMetrics;
import io.vodflow.processor.store.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Publishes outbox events to vod.media.events: one instance at a time (advisory lock) claims the oldest rows,
 * sends them in commit order, and deletes them after Kafka acknowledged, all in one transaction. A crash before the delete re-sends the same events with
 * the same ids (at-least-once, deduplicable); nothing committed to the outbox is lost. Woken after each batch
 * that wrote events, and polls as a fallback.
 */
public class OutboxRelay extends SubscriptionLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    public static final String EVENT_ID_HEADER = "event-id";
    public static final String EVENT_TYPE_HEADER = "event-type";
    private final OutboxRepository outbox;
    private final RecordSender sender;
    private final TransactionalOperator tx;
    private final ProcessorMetrics metrics;
    private final ProcessorProperties props;
    private final Sinks.Many<Boolean> wakeups = Sinks.many().unicast().onBackpressureBuffer();
    private volatile long lastSuccessNanos = System.nanoTime();
    private volatile String lastFailure;

    public OutboxRelay(OutboxRepository outbox, RecordSender sender, TransactionalOperator tx, ProcessorMetrics metrics,
                       ProcessorProperties props) {
        this.outbox = outbox;
        this.sender = sender;
        this.tx = tx;
        this.metrics = metrics;
        this.props = props;
    }

    /** Asks for a relay round soon (coalesced with any pending one). */
    public void wakeUp() {
        wakeups.emitNext(Boolean.TRUE, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(50)));
    }

    /** Time since a relay round last completed (found nothing or published what it claimed). */
    public Duration sinceLastSuccess() {
        return Duration.ofNanos(System.nanoTime() - lastSuccessNanos);
    }

    /** The error type of the latest failed round, or null while none failed since the last success. */
    public String lastFailure() {
        return lastFailure;
    }

    /** Relays until the outbox is empty; returns how many events were published. */
    public Mono<Integer> drain() {
        return relayOnce().expand(n -> n >= props.outboxBatchSize() ? relayOnce() : Mono.empty())
                .reduce(0, Integer::sum);
    }

    private Mono<Integer> relayOnce() {
        Mono<Integer> round = outbox.tryLead().flatMap(leader -> !leader ? Mono.just(0) : outbox.claim(props.outboxBatchSize()).flatMap(entries -> {
            if (entries.isEmpty()) {
                return Mono.just(0);
            }
            List<OutgoingRecord> records = entries.stream().map(e -> new OutgoingRecord(VodTopics.MEDIA_EVENTS, e.fileId(),
                    e.payload().getBytes(StandardCharsets.UTF_8),
                    Map.of(EVENT_ID_HEADER, e.eventId(), EVENT_TYPE_HEADER, e.eventType()))).toList();
            return sender.sendAll(records).then(outbox.delete(entries)).thenReturn(entries.size());
        }));
        return tx.transactional(round).doOnNext(metrics::relayed);
    }

    @Override
    protected Disposable subscribe() {
        return Flux.merge(wakeups.asFlux(), Flux.interval(props.outboxPollInterval()).map(t -> Boolean.TRUE))
                .onBackpressureDrop()
                .concatMap(t -> drain().doOnNext(n -> {
                    lastSuccessNanos = System.nanoTime();
                    lastFailure = null;
                }).onErrorResume(e -> {
                    lastFailure = e.getClass().getSimpleName();
                    log.atWarn().addKeyValue("error", lastFailure).log("outbox relay round failed; will retry");
                    return Mono.just(0);
                }), 1)
                .subscribe();
    }
}
