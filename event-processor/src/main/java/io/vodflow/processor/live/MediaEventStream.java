package io.vodflow.processor.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodflow.kit.lifecycle.SubscriptionLifecycle;
import io.vodflow.processor.config.ProcessorProperties;
import io.vodflow.processor.kafka.MediaEventReceiver;
import io.vodflow.processor.outbox.MediaEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * Fans vod.media.events out to this instance's SSE subscribers. Fed from Kafka, not from in-process calls,
 * so a client connected to any instance sees changes made by every instance. Slow subscribers drop events
 * rather than hold the others back.
 */
public class MediaEventStream extends SubscriptionLifecycle {
    private static final Logger log = LoggerFactory.getLogger(MediaEventStream.class);
    private final MediaEventReceiver receiver;
    private final ObjectMapper json;
    private final ProcessorProperties props;
    private final Sinks.Many<MediaEvent> sink = Sinks.many().multicast().directBestEffort();

    public MediaEventStream(MediaEventReceiver receiver, ObjectMapper json, ProcessorProperties props) {
        this.receiver = receiver;
        this.json = json;
        this.props = props;
    }

    /** Live events from now on. */
    public Flux<MediaEvent> events() {
        return sink.asFlux();
    }

    /** True once the Kafka tail is positioned, i.e. events published from now on reach subscribers. */
    public boolean ready() {
        return receiver.assigned();
    }

    @Override
    protected Disposable subscribe() {
        return Flux.defer(receiver::tail)
                // the sink drops events nobody listens to, so they are not parsed either
                .filter(bytes -> sink.currentSubscriberCount() > 0)
                .concatMap(bytes -> Mono.fromCallable(() -> json.readValue(bytes, MediaEvent.class))
                        .onErrorResume(e -> Mono.empty()))
                .doOnNext(e -> sink.emitNext(e, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofMillis(100))))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, props.restartBackoff()))
                .subscribe(e -> { }, e -> log.atError().setCause(e).log("media event tail stopped"));
    }
}
