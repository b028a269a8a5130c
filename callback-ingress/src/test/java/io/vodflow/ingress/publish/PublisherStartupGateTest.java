package io.vodflow.ingress.publish;

import io.vodflow.ingress.intake.KafkaAvailability;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PublisherStartupGateTest {
    private final KafkaAvailability kafka = new KafkaAvailability(Clock.systemUTC(), Duration.ofSeconds(3));

    @Test
    void holdsTheStartUntilThePublisherIsReady() throws Exception {
        Sinks.Empty<Void> ready = Sinks.empty();
        PublisherStartupGate gate = new PublisherStartupGate(ready.asMono(), Duration.ofSeconds(30), kafka);

        CompletableFuture<Void> start = CompletableFuture.runAsync(gate::start);
        Thread.sleep(300);
        assertThat(start).isNotDone();

        ready.tryEmitEmpty();
        start.get(5, TimeUnit.SECONDS);
        assertThat(gate.isRunning()).isTrue();
        assertThat(kafka.down()).isFalse();
    }

    @Test
    void opensAfterTheWaitWithKafkaMarkedUnavailable() {
        PublisherStartupGate gate = new PublisherStartupGate(Mono.never(), Duration.ofMillis(200), kafka);

        long started = System.nanoTime();
        gate.start();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(kafka.down()).isTrue();
        assertThat(kafka.bypassed()).isTrue();
    }

    @Test
    void aZeroWaitDoesNotWaitAtAll() {
        PublisherStartupGate gate = new PublisherStartupGate(Mono.never(), Duration.ZERO, kafka);

        gate.start();

        assertThat(gate.isRunning()).isTrue();
        assertThat(kafka.down()).isFalse();
    }

    @Test
    void startsBeforeTheWebServer() {
        // Spring Boot starts its web server in phase DEFAULT_PHASE - 2048; the gate must come first to hold the port
        assertThat(new PublisherStartupGate(Mono.never(), Duration.ZERO, kafka).getPhase())
                .isLessThan(org.springframework.context.SmartLifecycle.DEFAULT_PHASE - 2048);
    }
}
