package io.vodflow.ingress.fallback;

import io.vodflow.ingress.IngressProperties;
import io.vodflow.ingress.intake.KafkaAvailability;
import io.vodflow.ingress.observe.IngressMetrics;
import io.vodflow.ingress.publish.CallbackPublisher;
import io.vodflow.ingress.publish.RecordsRejectedException;
import io.vodflow.kit.lifecycle.SubscriptionLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Re-publishes stored callbacks to Kafka in arrival order and deletes each only after Kafka acknowledged it,
 * in one transaction per batch. A transaction-scoped advisory lock lets one instance relay at a time (others
 * skip the pass), so several ingress instances never interleave batches. When a batch fails part-way, the
 * acknowledged part is still deleted, so the next pass re-publishes only what Kafka did not take. After a failed
 * pass the next one relays a single callback and each good pass after it four times more, up to the batch size:
 * a broker that is still recovering sees a probe, not hundreds of records whose acks it may write and then lose.
 * A callback Kafka refuses for what it is ({@link RecordsRejectedException}) is parked in place: retried first on
 * every pass, it would hold back everything stored after it.
 */
public final class FallbackRelay extends SubscriptionLifecycle {
    private static final Logger log = LoggerFactory.getLogger(FallbackRelay.class);
    private final FallbackRepository repository;
    private final CallbackPublisher publisher;
    private final TransactionalOperator tx;
    private final KafkaAvailability kafka;
    private final IngressMetrics metrics;
    private final IngressProperties.Relay props;
    private final AtomicInteger window;

    /** What one pass achieved: the ids now deleted, those parked, the ids left behind, and why (null when none). */
    private record Pass(List<Long> relayed, List<Long> parked, String parkReason, List<Long> left, Throwable error) {
        static final Pass NOTHING = new Pass(List.of(), List.of(), null, List.of(), null);
    }

    public FallbackRelay(FallbackRepository repository, CallbackPublisher publisher, TransactionalOperator tx,
                         KafkaAvailability kafka, IngressMetrics metrics, IngressProperties.Relay props) {
        this.repository = repository;
        this.publisher = publisher;
        this.tx = tx;
        this.kafka = kafka;
        this.metrics = metrics;
        this.props = props;
        this.window = new AtomicInteger(props.batchSize());
    }

    @Override
    protected Disposable subscribe() {
        return Flux.interval(props.interval(), props.interval())
                .onBackpressureDrop()
                .concatMap(tick -> drain().onErrorResume(e -> Mono.just(0L)), 1)
                .subscribe();
    }

    /** Relays batch after batch until the store is empty, another relay holds the lock, or Kafka refuses. */
    Mono<Long> drain() {
        return relayBatch()
                .expand(n -> n > 0 ? relayBatch() : Mono.empty())
                .reduce(0L, Long::sum);
    }

    /** One transaction: lock, read the oldest batch, publish it in order, delete what Kafka acknowledged. */
    Mono<Long> relayBatch() {
        Mono<Pass> pass = repository.tryRelayLock().flatMap(locked -> !locked ? Mono.just(Pass.NOTHING)
                : repository.oldest(window.get()).collectList().flatMap(this::publishAndDelete));
        return tx.transactional(pass).flatMap(p -> {
            if (!p.relayed().isEmpty()) {
                if (p.error() == null) {
                    window.updateAndGet(w -> (int) Math.min(w * 4L, props.batchSize()));
                }
                kafka.markUp();
                metrics.relayed(p.relayed().size());
                log.atInfo().addKeyValue("count", p.relayed().size()).log("relayed stored callbacks to kafka");
            }
            if (!p.parked().isEmpty()) {
                log.atError().addKeyValue("count", p.parked().size()).addKeyValue("ids", p.parked())
                        .addKeyValue("reason", p.parkReason())
                        .log("kafka refuses these stored callbacks themselves; parked in callback_fallback for the operator");
            }
            if (p.error() == null) {
                return Mono.just((long) p.relayed().size() + p.parked().size());
            }
            window.set(1);
            log.atWarn().addKeyValue("error", p.error().getClass().getSimpleName()).addKeyValue("left", p.left().size())
                    .log("fallback relay pass failed part-way; the rest stays stored");
            return repository.countAttempt(p.left()).onErrorResume(x -> Mono.empty()).then(Mono.error(p.error()));
        }).doOnError(e -> log.atDebug().addKeyValue("error", e.getClass().getSimpleName()).log("fallback relay pass failed"));
    }

    private Mono<Pass> publishAndDelete(List<StoredCallback> batch) {
        if (batch.isEmpty()) {
            return Mono.just(Pass.NOTHING);
        }
        List<Long> acked = Collections.synchronizedList(new ArrayList<>());
        List<Long> ids = batch.stream().map(StoredCallback::id).toList();
        return publisher.publishInOrder(batch.stream().map(StoredCallback::record).toList())
                .doOnNext(i -> acked.add(batch.get(i).id()))
                .timeout(props.publishTimeout())
                .then(Mono.fromSupplier(() -> new Pass(ids, List.of(), null, List.of(), null)))
                .onErrorResume(e -> {
                    List<Long> done = List.copyOf(acked);
                    RecordsRejectedException refused = e instanceof RecordsRejectedException r ? r : null;
                    List<Long> parked = refused == null ? List.of()
                            : refused.positions().stream().map(i -> batch.get(i).id()).toList();
                    List<Long> left = ids.stream().filter(id -> !done.contains(id) && !parked.contains(id)).toList();
                    return Mono.just(new Pass(done, parked, refused == null ? null : refused.reason(), left,
                            left.isEmpty() ? null : e));
                })
                .flatMap(p -> p.relayed().isEmpty() ? Mono.just(p) : repository.delete(p.relayed()).thenReturn(p))
                .flatMap(p -> p.parked().isEmpty() ? Mono.just(p)
                        : repository.park(p.parked(), p.parkReason()).thenReturn(p));
    }
}
