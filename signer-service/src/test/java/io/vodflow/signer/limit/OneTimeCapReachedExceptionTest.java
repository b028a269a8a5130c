package io.vodflow.signer.limit;

import io.vodflow.signer.record.OutstandingOneTime;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OneTimeCapReachedExceptionTest {
    private static final Instant NOW = Instant.parse("2026-12-06T01:00:00Z");

    @Test
    void retryAfterIsTheWaitUntilTheFirstOutstandingSignatureExpiresRoundedUp() {
        var refused = OneTimeCapReachedException.of(3, new OutstandingOneTime(3, NOW.plusMillis(90_001)), NOW);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("91");
        assertThat(refused.getBody().getProperties()).containsEntry("nextExpiryAt", "2026-12-06T01:01:30.001Z")
                .containsEntry("rule", OneTimeCapReachedException.RULE);
    }

    @Test
    void retryAfterIsNeverBelowOneSecond() {
        assertThat(OneTimeCapReachedException.retryAfterSeconds(NOW, NOW.minusSeconds(2))).isEqualTo(1);
        assertThat(OneTimeCapReachedException.retryAfterSeconds(NOW, NOW.plusSeconds(5))).isEqualTo(5);
    }

    @Test
    void withoutAnExpiryThereIsNoRetryAfter() {
        var refused = OneTimeCapReachedException.of(0, new OutstandingOneTime(0, null), NOW);
        assertThat(refused.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)).isFalse();
        assertThat(refused.getBody().getProperties()).doesNotContainKey("nextExpiryAt");
    }
}
