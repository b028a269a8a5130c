package io.vodflow.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodflow.emulator.api.EventQueue.Delivery;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * {@code PullEvents}: up to 16 queued events, each with a fresh {@code EventHandle}. When none is ready the
 * request is held (without blocking a thread) until one arrives, an unconfirmed one falls due again, or the wait
 * ends; then the EventSet is empty.
 */
final class PullEventsAction implements ApiAction {

    /** VOD's maximum per call. */
    static final int MAX_EVENTS = 16;

    private final EventQueue queue;
    private final Clock clock;
    private final Duration wait;

    PullEventsAction(EventQueue queue, Clock clock, Duration wait) {
        this.queue = queue;
        this.clock = clock;
        this.wait = wait;
    }

    @Override
    public Mono<ObjectNode> handle(JsonNode params) {
        return Mono.defer(() -> attempt(System.nanoTime() + wait.toNanos())).map(PullEventsAction::response);
    }

    private Mono<List<Delivery>> attempt(long deadlineNanos) {
        Sinks.Empty<Void> wake = Sinks.empty();
        List<Delivery> events = queue.takeOrRegister(MAX_EVENTS, clock.instant(), wake);
        long remaining = deadlineNanos - System.nanoTime();
        if (!events.isEmpty() || remaining <= 0) {
            queue.unregister(wake);
            return Mono.just(events);
        }
        Duration sleep = Duration.ofNanos(remaining);
        Duration untilRedelivery = queue.untilNextRedelivery(clock.instant()).orElse(sleep);
        if (untilRedelivery.compareTo(sleep) < 0) {
            sleep = untilRedelivery.plusMillis(1);
        }
        return wake.asMono().or(Mono.delay(sleep).then())
                .then(Mono.defer(() -> {
                    queue.unregister(wake);
                    return attempt(deadlineNanos);
                }))
                .doOnCancel(() -> queue.unregister(wake));
    }

    private static ObjectNode response(List<Delivery> events) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ArrayNode set = response.putArray("EventSet");
        for (Delivery event : events) {
            ObjectNode item = set.addObject().put("EventHandle", event.handle());
            item.setAll(event.body());
        }
        return response;
    }
}
