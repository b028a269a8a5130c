package io.vodflow.emulator.api;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * VOD's per-action request limits (requests per second, per account), counted in one-second windows of the
 * server clock. Over the limit the answer is {@link VodApiError#REQUEST_LIMIT_EXCEEDED}. Actions without a
 * listed limit are not limited.
 */
final class ActionRateLimiter {

    /** Documented limits: 20/s for the event-config APIs (the Describe page also says 100; budget 20), 100/s for the media APIs. */
    static final Map<String, Integer> VOD_LIMITS = Map.of(
            "ModifyEventConfig", 20,
            "DescribeEventConfig", 20,
            "DescribeMediaInfos", 100,
            "SearchMedia", 100);

    private final Map<String, Integer> limits;
    private final Clock clock;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    ActionRateLimiter(Map<String, Integer> limits, Clock clock) {
        this.limits = Map.copyOf(limits);
        this.clock = clock;
    }

    /** Counts one request of {@code action}; throws when this second's budget is spent. */
    void acquire(String action) {
        Integer limit = limits.get(action);
        if (limit == null) {
            return;
        }
        long second = clock.instant().getEpochSecond();
        long[] window = windows.computeIfAbsent(action, a -> new long[]{second, 0});
        synchronized (window) {
            if (window[0] != second) {
                window[0] = second;
                window[1] = 0;
            }
            if (++window[1] > limit) {
                throw new VodApiError(VodApiError.REQUEST_LIMIT_EXCEEDED, "Your request rate exceeds the limit of "
                        + limit + " requests per second for " + action + ". Please reduce the frequency of calls.");
            }
        }
    }
}
