package io.vodflow.ingress.intake;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackIntakeTest {

    private static CallbackIntake intake(Duration ackDeadline) {
        return new CallbackIntake(null, null, null, null, ackDeadline, Duration.ofSeconds(2));
    }

    @Test
    void whatTheRequestSpentArrivingComesOffTheKafkaWait() {
        CallbackIntake intake = intake(Duration.ofSeconds(2));
        assertThat(intake.kafkaWait(Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
        assertThat(intake.kafkaWait(Duration.ofMillis(1_500))).isEqualTo(Duration.ofMillis(500));
        // the answer then comes 1.5 + 0.5 + 2 s after arrival at the latest: inside VOD's 5 s
    }

    @Test
    void kafkaAlwaysGetsItsMinimumButNeverMoreThanTheDeadline() {
        assertThat(intake(Duration.ofSeconds(2)).kafkaWait(Duration.ofSeconds(9))).isEqualTo(CallbackIntake.MIN_KAFKA_WAIT);
        assertThat(intake(Duration.ofMillis(100)).kafkaWait(Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(100));
        assertThat(intake(Duration.ofSeconds(2)).kafkaWait(Duration.ofMillis(-5))).isEqualTo(Duration.ofSeconds(2));
    }
}
