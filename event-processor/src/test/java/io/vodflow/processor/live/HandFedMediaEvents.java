package io.vodflow.processor.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vodflow.processor.config.ProcessorProperties;
import io.vodflow.processor.config.ProcessorPropertiesTest;
import io.vodflow.processor.kafka.MediaEventReceiver;
import io.vodflow.processor.kafka.MediaEventReceiver.TailedEvent;
import io.vodflow.processor.outbox.MediaEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/** A {@link MediaEventStream} whose topic tail is fed by the test, event by event, on the test's thread. */
final class HandFedMediaEvents implements AutoCloseable {
    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    final ProcessorProperties props;
    // a fresh tail per subscription, as the real receiver gives after a restart
    private volatile Sinks.Many<TailedEvent> topic = Sinks.many().unicast().onBackpressureBuffer();
    final AtomicInteger tails = new AtomicInteger();
    final MediaEventStream stream;

    HandFedMediaEvents() {
        this(Map.of());
    }

    /** With the given {@code vodflow.processor.*} settings (canonical names, {@code vodflow.processor.x}). */
    HandFedMediaEvents(Map<String, String> settings) {
        props = ProcessorPropertiesTest.bind(settings);
        stream = new MediaEventStream(new MediaEventReceiver(null, null, Mono.empty()) {
            @Override
            public Flux<TailedEvent> tail() {
                if (tails.getAndIncrement() > 0) {
                    topic = Sinks.many().unicast().onBackpressureBuffer();
                }
                return topic.asFlux();
            }
        }, json, props);
        stream.start();
    }

    /** Publishes events {@code from} (inclusive) to {@code to} (exclusive) of user u-1, with ids e-N. */
    void publish(int from, int to) {
        IntStream.range(from, to).forEach(i -> {
            MediaEvent event = new MediaEvent(1, "e-" + i, MediaEvent.TRANSCODE_PROGRESS, "f-" + i, "u-1", null,
                    "t-" + i, "PROCESSING", "PROCESSING", i % 100, null, null, Instant.EPOCH, null);
            try {
                topic.tryEmitNext(new TailedEvent(event.eventId(), json.writeValueAsBytes(event))).orThrow();
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The topic tail fails, as a lost broker connection would end it; the stream starts a new one. */
    void failTail() {
        topic.tryEmitError(new IllegalStateException("tail lost")).orThrow();
    }

    static List<String> ids(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "e-" + i).toList();
    }

    @Override
    public void close() {
        stream.stop();
    }
}
