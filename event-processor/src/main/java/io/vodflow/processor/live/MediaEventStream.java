package io.vodflow.processor.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodflow.kit.lifecycle.SubscriptionLifecycle;
import io.vodflow.processor.config.ProcessorProperties;
import io.vodflow.processor.kafka.MediaEventReceiver;
import io.vodflow.processor.kafka.MediaEventReceiver.TailedEvent;
import io.vodflow.processor.outbox.MediaEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Fans vod.media.events out to this instance's SSE subscribers. Fed from Kafka, not from in-process calls,
 * so a client connected to any instance sees changes made by every instance. The latest events are kept (as
 * bytes) so a client that reconnects with Last-Event-ID gets what it missed; every instance tails the whole
 * topic, so any instance can resume it. A subscriber that falls a whole buffer behind does not hold the others
 * back and does not silently skip events either: its stream ends after what it holds, and it resumes from there.
 */
public class MediaEventStream extends SubscriptionLifecycle {
    private static final Logger log = LoggerFactory.getLogger(MediaEventStream.class);
    private final MediaEventReceiver receiver;
    private final ObjectMapper json;
    private final ProcessorProperties props;
    private final Sinks.Many<MediaEvent> sink = Sinks.many().multicast().directBestEffort();
    // guards recent and the sink's emissions together, so a resuming subscriber sees each event exactly once
    private final Object lock = new Object();
    private final RecentEvents recent;

    public MediaEventStream(MediaEventReceiver receiver, ObjectMapper json, ProcessorProperties props) {
        this.receiver = receiver;
        this.json = json;
        this.props = props;
        this.recent = new RecentEvents(props.sseReplayEvents());
    }

    /**
     * Live events from now on; with a {@code lastEventId}, first the ones after it (or a {@link LiveItem.Reset} when
     * this instance no longer holds it), with no gap and no repeat between those and the live ones.
     */
    public Flux<LiveItem> events(String lastEventId) {
        return Flux.defer(() -> {
            // exactly the configured bound (Reactor's own queues round it up to a power of two)
            Sinks.Many<MediaEvent> own = Sinks.many().unicast()
                    .onBackpressureBuffer(new ArrayBlockingQueue<MediaEvent>(props.sseSubscriberBuffer()));
            Optional<List<TailedEvent>> missed;
            Disposable bridge;
            synchronized (lock) {
                missed = lastEventId == null ? Optional.of(List.of()) : recent.after(lastEventId);
                bridge = sink.asFlux().subscribe(e -> {
                    if (own.tryEmitNext(e) == Sinks.EmitResult.FAIL_OVERFLOW) {
                        own.tryEmitComplete();
                    }
                });
            }
            Flux<LiveItem> head = missed.<Flux<LiveItem>>map(list -> Flux.fromIterable(list)
                    .mapNotNull(e -> parse(e.json())).map(LiveItem.Event::new))
                    .orElseGet(() -> Flux.just(new LiveItem.Reset()));
            return Flux.concat(head, own.asFlux().map(LiveItem.Event::new)).doFinally(s -> bridge.dispose());
        });
    }

    /** True once the Kafka tail is positioned, i.e. events published from now on reach subscribers. */
    public boolean ready() {
        return receiver.assigned();
    }

    @Override
    protected Disposable subscribe() {
        return Flux.defer(receiver::tail)
                .doOnNext(this::take)
                // capped, and counted afresh after a tail that delivered: a flaky broker must not push the next
                // attempt hours away; the events kept are forgotten, since what is published until the new tail
                // is positioned never reaches them, and a client resuming from before gets a reset, not a gap
                .retryWhen(Retry.backoff(Long.MAX_VALUE, props.restartBackoff())
                        .maxBackoff(props.restartBackoff().multipliedBy(15)).transientErrors(true)
                        .doBeforeRetry(signal -> {
                            log.atWarn().addKeyValue("error", signal.failure().getClass().getSimpleName())
                                    .log("media event tail failed; restarting it");
                            forgetRecent();
                        }))
                .subscribe(e -> { }, e -> log.atError().setCause(e).log("media event tail stopped"));
    }

    private void forgetRecent() {
        synchronized (lock) {
            recent.clear();
        }
    }

    private void take(TailedEvent tailed) {
        synchronized (lock) {
            recent.append(tailed);
            // the sink drops events nobody listens to, so they are not parsed either
            if (sink.currentSubscriberCount() == 0) {
                return;
            }
            MediaEvent event = parse(tailed.json());
            if (event != null) {
                sink.emitNext(event, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
            }
        }
    }

    private MediaEvent parse(byte[] bytes) {
        try {
            return json.readValue(bytes, MediaEvent.class);
        } catch (IOException e) {
            return null;
        }
    }
}
