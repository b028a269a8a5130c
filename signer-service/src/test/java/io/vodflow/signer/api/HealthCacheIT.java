package io.vodflow.signer.api;

import io.vodflow.signer.support.SignerITSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A flood of health checks runs the indicators (the database round trip among them) about once a second. */
@Import(HealthCacheIT.CountingHealth.class)
class HealthCacheIT extends SignerITSupport {
    static final AtomicInteger CHECKS = new AtomicInteger();

    @TestConfiguration
    static class CountingHealth {
        @Bean
        ReactiveHealthIndicator counted() {
            return () -> Mono.fromSupplier(() -> Health.up().withDetail("checks", CHECKS.incrementAndGet()).build());
        }
    }

    private void health() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void aFloodOfHealthChecksIsAnsweredFromOneCheckAndAFreshOneFollows() {
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            health();
            return CHECKS.get() > 0;
        });
        int before = CHECKS.get();
        long started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            health();
        }
        // one computation per second of the flood at most (plus the window it started in), however slow the machine
        long windows = Duration.ofNanos(System.nanoTime() - started).toSeconds() + 2;
        assertThat(CHECKS.get() - before).as("indicator runs for 100 requests").isLessThanOrEqualTo((int) Math.min(windows, 50));

        int settled = CHECKS.get();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
            health();
            return CHECKS.get() > settled;
        });
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }
}
