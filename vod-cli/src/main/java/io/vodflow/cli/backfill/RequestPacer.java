package io.vodflow.cli.backfill;

import java.time.Duration;

/** Spaces calls evenly so a rate (calls per second) is never exceeded; the CLI's own thread waits. */
final class RequestPacer {

    private final long intervalNanos;
    private long next = System.nanoTime();

    RequestPacer(double perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    /** Returns once the next call may go. */
    void acquire() throws InterruptedException {
        long now = System.nanoTime();
        if (next > now) {
            Duration wait = Duration.ofNanos(next - now);
            Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
        }
        next = Math.max(now, next) + intervalNanos;
    }

    /** Holds all calls back for {@code pause} (after VOD said RequestLimitExceeded). */
    void backOff(Duration pause) {
        next = Math.max(next, System.nanoTime() + pause.toNanos());
    }
}
