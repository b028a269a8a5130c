package io.vodflow.signer.config;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Per-user limits. The rate limit is a per-instance budget: each signer instance allows {@code burst} requests at
 * once, refilled at {@code refillTokens} per {@code refillPeriod}; with N instances behind a balancer, configure 1/N
 * of the intended total. The outstanding one-time cap is counted in Postgres, so it holds across instances.
 */
public record LimitProperties(
        /** Whether the per-user rate limit applies. */
        @DefaultValue("true") boolean rateLimitEnabled,
        /** Bucket capacity: requests a user may make at once. */
        @DefaultValue("30") @Min(1) long burst,
        /** Tokens added every refill period. */
        @DefaultValue("30") @Min(1) long refillTokens,
        /** Refill period of the bucket. */
        @DefaultValue("1m") Duration refillPeriod,
        /** Users whose buckets are kept in memory at once (least recently used are dropped). */
        @DefaultValue("100000") @Min(1) long trackedUsers,
        /** Unused, unexpired one-time signatures a user may hold; 0 = no cap. */
        @DefaultValue("20") @Min(0) int maxOutstandingOneTime) {
}
