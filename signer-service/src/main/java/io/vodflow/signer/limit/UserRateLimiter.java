package io.vodflow.signer.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vodflow.signer.config.LimitProperties;
import io.vodflow.signer.config.SignerProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Per-user token buckets (Bucket4j), one per user id in a bounded in-memory cache. This is a per-instance budget
 * (see {@link LimitProperties}): no shared state, so it costs no database round trip on the hot path. A bucket
 * idle for a full refill is full again, so dropping it then loses nothing.
 */
@Component
public class UserRateLimiter {
    private final LimitProperties cfg;
    private final Cache<String, Bucket> buckets;

    public UserRateLimiter(SignerProperties props) {
        this.cfg = props.limits();
        Duration idleUntilFull = cfg.refillPeriod().multipliedBy(Math.max(1, (cfg.burst() + cfg.refillTokens() - 1) / cfg.refillTokens()));
        this.buckets = Caffeine.newBuilder()
                .maximumSize(cfg.trackedUsers())
                .expireAfterAccess(idleUntilFull)
                .build();
    }

    /** Takes one request from the user's budget, or throws {@link RateLimitedException} with the wait. */
    public void acquire(String userId) {
        if (!cfg.rateLimitEnabled()) {
            return;
        }
        ConsumptionProbe probe = buckets.get(userId, id -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw new RateLimitedException(seconds);
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(cfg.burst()).refillGreedy(cfg.refillTokens(), cfg.refillPeriod()))
                .build();
    }
}
