package io.vodflow.processor.metrics;

import io.vodflow.processor.kafka.ConsumerLiveness;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** When the callbacks consumer counts as consuming, stalled or not answering. */
class ConsumerHealthIndicatorTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final ConsumerLiveness liveness = new ConsumerLiveness(nanos::get);
    private final ConsumerHealthIndicator health =
            new ConsumerHealthIndicator(liveness, () -> 7, Duration.ofSeconds(60), Duration.ofSeconds(5));

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void aConsumerWhosePollThreadAnswersAndWhosePollsEndIsUp() {
        liveness.answered(3);
        liveness.pollStarted();
        advance(Duration.ofSeconds(2));
        liveness.pollEnded(true);
        advance(Duration.ofSeconds(1));

        Health h = health.health();
        assertThat(h.getStatus()).isEqualTo(Status.UP);
        assertThat(h.getDetails()).containsEntry("state", "CONSUMING").containsEntry("partitions", 3)
                .containsEntry("lag", 7L).containsEntry("sinceAppliedMs", 1_000L).doesNotContainKey("pollRunningMs");
    }

    @Test
    void aPollAppliedForLongerThanTheStallTimeoutIsDownWhileThePollThreadStillAnswers() {
        liveness.pollStarted();
        for (int i = 0; i < 12; i++) {
            advance(Duration.ofSeconds(5));
            liveness.answered(2);
        }
        assertThat(health.health().getStatus()).as("exactly the timeout is still UP").isEqualTo(Status.UP);

        advance(Duration.ofMillis(1));
        liveness.answered(2);
        Health h = health.health();
        assertThat(h.getStatus()).isEqualTo(Status.DOWN);
        assertThat(h.getDetails()).containsEntry("state", "STALLED").containsEntry("pollRunningMs", 60_001L);

        liveness.pollEnded(false);
        assertThat(health.health().getStatus()).as("a failed poll that ended is retried by a new one").isEqualTo(Status.UP);
    }

    @Test
    void aPollThreadSilentForLongerThanTheTimeoutIsDownEvenWithNoPollRunning() {
        liveness.answered(1);
        advance(Duration.ofSeconds(60));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        advance(Duration.ofMillis(1));
        Health h = health.health();
        assertThat(h.getStatus()).isEqualTo(Status.DOWN);
        assertThat(h.getDetails()).containsEntry("state", "NOT_ANSWERING").containsEntry("sinceAnswerMs", 60_001L);

        liveness.answered(1);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void theThreadGetsAtLeastThreeLagSamplesToAnswerWhenTheStallTimeoutIsShorter() {
        ConsumerHealthIndicator shortStall = new ConsumerHealthIndicator(liveness, () -> 0, Duration.ofSeconds(1), Duration.ofSeconds(5));
        advance(Duration.ofSeconds(15));
        assertThat(shortStall.health().getStatus()).isEqualTo(Status.UP);
        advance(Duration.ofMillis(1));
        assertThat(shortStall.health().getStatus()).isEqualTo(Status.DOWN);
    }
}
