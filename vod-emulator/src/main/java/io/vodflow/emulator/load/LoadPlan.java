package io.vodflow.emulator.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * What {@link CallbackLoad} sends: {@code count} POSTs of {@code bodies.apply(i)} to a loopback URL, at most
 * {@code maxConcurrency} in flight, paced to {@code ratePerSecond} (0 = as fast as the concurrency allows), and
 * stopped after {@code maxDuration} whatever is left.
 */
public record LoadPlan(URI target, int count, int maxConcurrency, int ratePerSecond, Duration maxDuration,
                       Duration responseTimeout, IntFunction<byte[]> bodies) {

    public LoadPlan {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(bodies, "bodies");
        if (count < 1 || maxConcurrency < 1 || ratePerSecond < 0) {
            throw new IllegalArgumentException("count and maxConcurrency must be positive, ratePerSecond >= 0");
        }
        if (!isLoopback(target)) {
            throw new IllegalArgumentException("load is only sent to loopback targets, not " + target.getHost());
        }
    }

    /** Unpaced load with VOD's 5 s timeout, bounded to one minute. */
    public static LoadPlan of(URI target, int count, int maxConcurrency, IntFunction<byte[]> bodies) {
        return new LoadPlan(target, count, maxConcurrency, 0, Duration.ofMinutes(1), Duration.ofSeconds(5), bodies);
    }

    public LoadPlan withRate(int ratePerSecond) {
        return new LoadPlan(target, count, maxConcurrency, ratePerSecond, maxDuration, responseTimeout, bodies);
    }

    public LoadPlan withMaxDuration(Duration maxDuration) {
        return new LoadPlan(target, count, maxConcurrency, ratePerSecond, maxDuration, responseTimeout, bodies);
    }

    private static boolean isLoopback(URI target) {
        String host = target.getHost();
        if (host == null || !"http".equals(target.getScheme())) {
            return false;
        }
        try {
            // Literal addresses and "localhost" resolve without a DNS query.
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
