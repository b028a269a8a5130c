package io.vodflow.ingress.publish;

import io.vodflow.ingress.intake.KafkaAvailability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Holds the opening of the HTTP port until the publisher can send (topic provisioned, its metadata known), for at
 * most {@code maxWait}. Without it the first callbacks after a start waited up to two seconds for that inside VOD's
 * 5 s window. With Kafka down the port opens once the wait is over, Kafka marked unavailable, so the first callbacks
 * go straight to the fallback store instead of each first waiting out the ack deadline.
 */
public final class PublisherStartupGate implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PublisherStartupGate.class);
    /** Before Spring Boot's web server start (DEFAULT_PHASE - 2048), after the topic provisioner's start. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final Mono<Void> publisherReady;
    private final Duration maxWait;
    private final KafkaAvailability kafka;
    private volatile boolean running;

    public PublisherStartupGate(Mono<Void> publisherReady, Duration maxWait, KafkaAvailability kafka) {
        this.publisherReady = publisherReady;
        this.maxWait = maxWait;
        this.kafka = kafka;
    }

    @Override
    public void start() {
        running = true;
        if (maxWait.isZero()) {
            return;
        }
        long started = System.nanoTime();
        boolean ready = publisherReady.thenReturn(true).timeout(maxWait, Mono.just(false)).blockOptional().orElse(false);
        long waitedMs = (System.nanoTime() - started) / 1_000_000;
        if (ready) {
            log.atInfo().addKeyValue("waitedMs", waitedMs).log("kafka publisher ready; opening the callback port");
        } else {
            kafka.markDown();
            log.atWarn().addKeyValue("waitedMs", waitedMs)
                    .log("kafka publisher not ready; opening the callback port with the fallback store in front");
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
