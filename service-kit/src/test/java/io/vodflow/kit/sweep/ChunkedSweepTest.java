package io.vodflow.kit.sweep;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ChunkedSweepTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** A sweep whose chunks return the given row counts in turn; a negative count fails that chunk. */
    private ChunkedSweep sweep(Duration interval, List<Long> counts) {
        Deque<Long> left = new ArrayDeque<>(counts);
        return new ChunkedSweep(true, interval, 100, "test-sweep", "swept", registry) {
            @Override
            protected Mono<Long> chunk(int limit) {
                long n = left.isEmpty() ? 0 : left.poll();
                return n < 0 ? Mono.error(new IllegalStateException("database gone")) : Mono.just(n);
            }
        };
    }

    private double counted(String name) {
        return registry.get(name).tag("sweep", "test-sweep").counter().count();
    }

    @Test
    void aSweepRunsChunksUntilOneComesBackShortAndCountsTheirRows() {
        ChunkedSweep sweep = sweep(Duration.ofHours(1), List.of(100L, 100L, 7L, 100L));
        assertThat(sweep.sweepOnce().block()).isEqualTo(207L);
        assertThat(counted("vodflow.sweep.rows")).isEqualTo(207.0);
        assertThat(counted("vodflow.sweep.failures")).isZero();
    }

    @Test
    void aFailedSweepIsCountedAndTheNextIntervalSweepsAgain() {
        ChunkedSweep sweep = sweep(Duration.ofMillis(20), List.of(-1L, 5L));
        sweep.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> counted("vodflow.sweep.rows") == 5.0);
            assertThat(counted("vodflow.sweep.failures")).isEqualTo(1.0);
        } finally {
            sweep.stop();
        }
    }
}
