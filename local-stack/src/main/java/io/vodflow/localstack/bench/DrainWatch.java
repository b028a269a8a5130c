package io.vodflow.localstack.bench;

import io.vodflow.infra.postgres.PostgresDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

/** Watches {@code processed_event} until the processor has applied a given number of records. */
final class DrainWatch {
    static final long MIN_PAUSE_MS = 20;
    static final long MAX_PAUSE_MS = 500;

    private DrainWatch() { }

    /** Records applied from the call to the moment the target was reached, and the seconds that took. */
    record Result(long records, double seconds) { }

    /** Waits until {@code target} records are applied; measures from this call to the last one. */
    static Result await(PostgresDatabase db, long target, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            // one backend, no parallel workers: the watch must not take the CPU the processor's Postgres work needs
            st.execute("set max_parallel_workers_per_gather = 0");
            long base = count(st);
            for (long n = base; System.nanoTime() < deadline; n = count(st)) {
                long elapsed = System.nanoTime() - start;
                if (n >= target) {
                    return new Result(n - base, elapsed / 1e9);
                }
                Thread.sleep(pauseMillis(n - base, target - n, elapsed));
            }
            throw new IllegalStateException("processor applied " + count(st) + " of " + target + " records within " + timeout);
        }
    }

    /**
     * How long to wait before the next count: half the expected time to the target at the rate so far, between
     * {@value #MIN_PAUSE_MS} and {@value #MAX_PAUSE_MS} ms. A count of a large table costs tens of milliseconds of
     * Postgres time, so counting every 20 ms for the whole drain took a large part of the core Postgres shares
     * with the processor; near the end it still counts every 20 ms, which keeps the measured end that precise.
     */
    static long pauseMillis(long done, long left, long elapsedNanos) {
        if (done <= 0) {
            return MIN_PAUSE_MS;
        }
        double eta = left * (elapsedNanos / 1e6) / done;
        return Math.max(MIN_PAUSE_MS, Math.min(MAX_PAUSE_MS, (long) (eta / 2)));
    }

    private static long count(Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("select count(*) from processed_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
