package io.vodflow.localstack.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DrainWatchTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void countsOftenBeforeAnyProgressIsSeen() {
        assertThat(DrainWatch.pauseMillis(0, 150_000, SECOND)).isEqualTo(DrainWatch.MIN_PAUSE_MS);
    }

    @Test
    void waitsHalfTheExpectedTimeToTheTarget() {
        // 10,000 done in 1 s, 2,000 left: 200 ms to go at this rate, so the next count in 100 ms
        assertThat(DrainWatch.pauseMillis(10_000, 2_000, SECOND)).isEqualTo(100);
    }

    @Test
    void waitsAtMostHalfASecondFarFromTheTarget() {
        assertThat(DrainWatch.pauseMillis(10_000, 140_000, SECOND)).isEqualTo(DrainWatch.MAX_PAUSE_MS);
    }

    @Test
    void countsEveryMinimumPauseCloseToTheTarget() {
        assertThat(DrainWatch.pauseMillis(100_000, 100, 10 * SECOND)).isEqualTo(DrainWatch.MIN_PAUSE_MS);
    }
}
