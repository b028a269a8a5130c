package io.vodflow.ingress.pull;

import io.vodflow.contract.event.CallbackRouting;
import io.vodflow.contract.event.CallbackRoutingReader;
import io.vodflow.contract.event.VodEventParseException;
import io.vodflow.ingress.IngressProperties;
import io.vodflow.ingress.observe.IngressMetrics;
import io.vodflow.ingress.publish.CallbackPublisher;
import io.vodflow.ingress.publish.CallbackRecord;
import io.vodflow.ingress.publish.CallbackSource;
import io.vodflow.kit.lifecycle.SubscriptionLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Reliable-callback mode: long-poll PullEvents, publish the whole batch to Kafka, and only after every event of
 * it is acknowledged call ConfirmEvents. Anything that fails leaves the batch unconfirmed, so VOD redelivers it
 * after 30 s (same event, same dedupe id): at-least-once, never lost. Several instances may pull at once; VOD
 * hands each event to one puller at a time. SDK calls block, so they run on a bounded scheduler.
 */
public final class VodEventPuller extends SubscriptionLifecycle {
    private static final Logger log = LoggerFactory.getLogger(VodEventPuller.class);
    private final VodEventsClient vod;
    private final CallbackPublisher publisher;
    private final CallbackRoutingReader reader = new CallbackRoutingReader();
    private final IngressMetrics metrics;
    private final IngressProperties.Pull props;
    private final Clock clock;
    private final String subAppId;
    private volatile long lastCycleMillis;
    private volatile Scheduler scheduler;

    public VodEventPuller(VodEventsClient vod, CallbackPublisher publisher, IngressMetrics metrics,
                          IngressProperties.Pull props, Clock clock) {
        this.vod = vod;
        this.publisher = publisher;
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
            List<CallbackRecord> records = new ArrayList<>(events.size());
            for (PulledEvent event : events) {
                CallbackRecord record = toRecord(event, receivedAt);
                if (record != null) {
                    records.add(record);
                }
            }
            List<String> handles = events.stream().map(PulledEvent::handle).toList();
            return publisher.publishInOrder(records)
                    .then()
                    .timeout(props.publishTimeout())
                    .doOnSuccess(v -> metrics.pulled("published", records.size()))
                    .then(blocking(() -> {
                        vod.confirm(handles);
                        return handles.size();
                    }, props.requestTimeout().plusSeconds(2)))
                    .doOnNext(n -> metrics.pulled("confirmed", n))
                    .then();
        });
    }

    private CallbackRecord toRecord(PulledEvent event, long receivedAt) {
        try {
            CallbackRouting r = reader.read(event.body());
            return new CallbackRecord(r.routingKey(), event.body(), r.format(), r.eventType(), receivedAt,
                    CallbackSource.PULL, subAppId, r.dedupeId());
        } catch (VodEventParseException e) {
            // not an event at all: publishing is impossible and redelivery would loop forever, so it is confirmed away
            metrics.pulled("unreadable", 1);
            log.atError().addKeyValue("error", e.getMessage()).log("pulled event is not a VOD event; confirming it without publishing");
            return null;
        }
    }

    private <T> Mono<T> blocking(Callable<T> call, java.time.Duration timeout) {
        return Mono.fromCallable(call).subscribeOn(scheduler).timeout(timeout);
    }
}
