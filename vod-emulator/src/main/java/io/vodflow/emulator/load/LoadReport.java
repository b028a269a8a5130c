package io.vodflow.emulator.load;

import org.HdrHistogram.Histogram;

import java.time.Duration;

/**
 * The outcome of a {@link CallbackLoad} run. Latencies are in microseconds; {@code succeeded} counts HTTP 2xx,
 * {@code failed} other statuses, timeouts and connection errors; requests cut off by the time bound are in
 * neither.
 */
public record LoadReport(long sent, long succeeded, long failed, Duration elapsed, Histogram latenciesMicros) {

    /** Completed requests per second over the run. */
    public double throughputPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds == 0 ? 0 : (succeeded + failed) / seconds;
    }

    /** Latency at the given percentile (e.g. 99.0), in milliseconds. */
    public double latencyMillisAt(double percentile) {
        return latenciesMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    @Override
    public String toString() {
        return String.format("sent=%d ok=%d failed=%d elapsed=%dms rate=%.0f/s p50=%.2fms p99=%.2fms max=%.2fms",
                sent, succeeded, failed, elapsed.toMillis(), throughputPerSecond(), latencyMillisAt(50),
                latencyMillisAt(99), latenciesMicros.getMaxValue() / 1000.0);
    }
}
