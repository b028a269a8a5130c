package io.vodflow.emulator.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link VodApiServer}.
 *
 * @param port               TCP port on 127.0.0.1; 0 picks a free one
 * @param pullWait           how long an empty PullEvents is held before it answers an empty EventSet (VOD: 5 s)
 * @param redeliveryTimeout  how long a pulled, unconfirmed event stays invisible before it is pullable again
 *                           with a new EventHandle (VOD: 30 s); also the life of an EventHandle
 * @param timestampTolerance how far X-TC-Timestamp may be from the server clock (Tencent: 5 min)
 * @param clock              the server clock (timestamp check and redelivery deadlines)
 */
public record ApiServerSettings(int port, Duration pullWait, Duration redeliveryTimeout,
                                Duration timestampTolerance, Clock clock) {

    public ApiServerSettings {
        Objects.requireNonNull(pullWait, "pullWait");
        Objects.requireNonNull(redeliveryTimeout, "redeliveryTimeout");
        Objects.requireNonNull(timestampTolerance, "timestampTolerance");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535 || pullWait.isNegative() || redeliveryTimeout.isNegative()) {
            throw new IllegalArgumentException("port must be 0-65535 and durations non-negative");
        }
    }

    /** VOD's values on a random port with the system clock. */
    public static ApiServerSettings defaults() {
        return new ApiServerSettings(0, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(5),
                Clock.systemUTC());
    }

    public ApiServerSettings withPort(int port) {
        return new ApiServerSettings(port, pullWait, redeliveryTimeout, timestampTolerance, clock);
    }

    public ApiServerSettings withPullWait(Duration pullWait) {
        return new ApiServerSettings(port, pullWait, redeliveryTimeout, timestampTolerance, clock);
    }

    public ApiServerSettings withRedeliveryTimeout(Duration redeliveryTimeout) {
        return new ApiServerSettings(port, pullWait, redeliveryTimeout, timestampTolerance, clock);
    }

    public ApiServerSettings withClock(Clock clock) {
        return new ApiServerSettings(port, pullWait, redeliveryTimeout, timestampTolerance, clock);
    }
}
