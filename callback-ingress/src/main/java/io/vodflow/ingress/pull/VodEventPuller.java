package io.vodflow.ingress.pull;

import io.vodflow.contract.event.CallbackRoutingReader;
import io.vodflow.contract.event.VodEventParseException;
import io.vodflow.contract.event.WireFormat;
import io.vodflow.ingress.IngressProperties;
import io.vodflow.ingress.fallback.FallbackRepository;
import io.vodflow.ingress.http.CallbackRecordFactory;
import io.vodflow.ingress.observe.IngressMetrics;
import io.vodflow.ingress.publish.CallbackPublisher;
import io.vodflow.ingress.publish.CallbackRecord;
import io.vodflow.ingress.publish.CallbackSource;
import io.vodflow.ingress.publish.RecordsRejectedException;
import io.vodflow.kit.lifecycle.SubscriptionLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Reliable-callback mode: long-poll PullEvents, publish the batch to Kafka, and once every event of it has an
 * outcome call ConfirmEvents for those Kafka acknowledged. Whatever is not confirmed VOD redelivers after 30 s
 * (same event, same dedupe id): at-least-once, never lost. Several instances may pull at once; VOD
 * hands each event to one puller at a time. SDK calls block, so they run on a bounded scheduler.
 */
public final class VodEventPuller extends SubscriptionLifecycle {
    private static final Logger log = LoggerFactory.getLogger(VodEventPuller.class);
    /** Event-type header of a pulled event the routing read refused (the processor dead-letters it). */
    static final String UNROUTABLE_TYPE = "Unroutable";
    private final VodEventsClient vod;
    private final CallbackPublisher publisher;
    private final FallbackRepository fallback;
    private final CallbackRoutingReader reader = new CallbackRoutingReader();
    private final IngressMetrics metrics;
    private final IngressProperties.Pull props;
    private final Clock clock;
    private final String subAppId;
    private volatile long lastCycleMillis;
    private volatile Scheduler scheduler;

    public VodEventPuller(VodEventsClient vod, CallbackPublisher publisher, FallbackRepository fallback,
                          IngressMetrics metrics, IngressProperties.Pull props, Clock clock) {
        this.vod = vod;
        this.publisher = publisher;
        this.fallback = fallback;
        this.metrics = metrics;
        this.props = props;
        this.clock = clock;
        this.subAppId = props.subAppId() > 0 ? Long.toString(props.subAppId()) : null;
        this.lastCycleMillis = clock.millis();
        metrics.gauge("vodflow.ingress.pull.lag", "Seconds since the puller last completed a pull cycle", this,
                p -> (p.clock.millis() - p.lastCycleMillis) / 1000.0);
    }

    @Override
    protected Disposable subscribe() {
        scheduler = Schedulers.newBoundedElastic(props.concurrency() * 2, 64, "vod-pull");
        Disposable.Composite workers = Disposables.composite();
        for (int i = 0; i < props.concurrency(); i++) {
            workers.add(Mono.defer(this::cycle)
                    .onErrorResume(e -> {
                        log.atWarn().addKeyValue("error", e.getClass().getSimpleName()).addKeyValue("detail", e.getMessage())
                                .log("pull cycle failed; the batch stays unconfirmed and VOD will redeliver it");
                        return Mono.delay(props.errorBackoff()).then();
                    })
                    .repeat()
                    .subscribe());
        }
        // disposed after the workers (a composite disposes in the order things were added)
        workers.add(scheduler);
        return workers;
    }

    /** One pull, publish, confirm round. */
    Mono<Void> cycle() {
        return blocking(vod::pull, props.requestTimeout().plusSeconds(2)).flatMap(events -> {
            lastCycleMillis = clock.millis();
            if (events.isEmpty()) {
                return Mono.empty();
            }
            metrics.pulled("pulled", events.size());
            long receivedAt = clock.millis();
            List<CallbackRecord> records = events.stream().map(event -> toRecord(event, receivedAt)).toList();
            Set<Integer> acked = ConcurrentHashMap.newKeySet();
            Set<Integer> parked = ConcurrentHashMap.newKeySet();
            return publisher.publishInOrder(records)
                    .doOnNext(acked::add)
                    .then()
                    // events Kafka refuses for what they are would come back every 30 s until VOD drops them: they
                    // are kept parked in the fallback store instead (as refused pushes are), and then confirmed
                    .onErrorResume(RecordsRejectedException.class, refused -> park(records, refused).doOnNext(parked::addAll).then())
                    // publishing and parking share one budget, so the confirm still comes within VOD's 30 s
                    .timeout(props.publishTimeout())
                    // a failed batch still confirms what did reach Kafka, then fails the cycle (which backs off)
                    .onErrorResume(failure -> confirm(events, acked, parked).then(Mono.error(failure)))
                    .then(Mono.defer(() -> confirm(events, acked, parked)));
        });
    }

    /**
     * Confirms the events Kafka acknowledged or that are parked, and only those: one that failed (a timeout, say)
     * stays with VOD for redelivery instead of holding back the rest of its batch, which would otherwise come back
     * every 30 s.
     */
    private Mono<Void> confirm(List<PulledEvent> events, Set<Integer> acked, Set<Integer> parked) {
        metrics.pulled("published", acked.size());
        List<String> handles = Stream.concat(acked.stream(), parked.stream()).sorted()
                .map(i -> events.get(i).handle()).toList();
        if (handles.isEmpty()) {
            return Mono.empty();
        }
        if (handles.size() < events.size()) {
            log.atWarn().addKeyValue("acked", handles.size()).addKeyValue("pulled", events.size())
                    .log("not every pulled event reached Kafka; confirming the acknowledged ones, VOD redelivers the rest");
        }
        return blocking(() -> {
            vod.confirm(handles);
            return handles.size();
        }, props.requestTimeout().plusSeconds(2))
                .doOnNext(n -> metrics.pulled("confirmed", n))
                .then();
    }

    private Mono<List<Integer>> park(List<CallbackRecord> records, RecordsRejectedException refused) {
        return Flux.fromIterable(refused.positions())
                .concatMap(i -> fallback.storeParked(records.get(i), refused.reason()).thenReturn(i))
                .collectList()
                .doOnNext(parked -> {
                    metrics.pulled("parked", parked.size());
                    log.atError().addKeyValue("count", parked.size()).addKeyValue("reason", refused.reason())
                            .log("kafka refuses these pulled events themselves; parked in callback_fallback for the operator");
                })
                .onErrorMap(e -> e != refused, e -> refused); // not kept: they stay unconfirmed with VOD
    }

    private CallbackRecord toRecord(PulledEvent event, long receivedAt) {
        try {
            return CallbackRecordFactory.record(reader.read(event.body()), event.body(), receivedAt, CallbackSource.PULL, subAppId);
        } catch (VodEventParseException e) {
            // confirming it away would lose what VOD still holds: it goes to Kafka as it is, keyed and deduped by its
            // bytes (the same on every redelivery), and the processor dead-letters it with the reason for an operator
            metrics.pulled("unreadable", 1);
            log.atWarn().addKeyValue("error", e.getMessage()).log("pulled event cannot be routed; publishing it unrouted");
            String dedupeId = CallbackRoutingReader.unroutedDedupeId(event.body());
            return new CallbackRecord(dedupeId, event.body(), WireFormat.V3, UNROUTABLE_TYPE, receivedAt,
                    CallbackSource.PULL, subAppId, dedupeId);
        }
    }

    private <T> Mono<T> blocking(Callable<T> call, java.time.Duration timeout) {
        return Mono.fromCallable(call).subscribeOn(scheduler).timeout(timeout);
    }
}
