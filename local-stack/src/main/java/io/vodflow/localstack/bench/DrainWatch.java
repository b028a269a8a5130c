package io.vodflow.localstack.bench;

import io.vodflow.infra.postgres.PostgresDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

/** Watches {@code processed_event} until the processor has applied a given number of records. */
final class DrainWatch {
    private DrainWatch() { }

    /** Records applied from the call to the moment the target was reached, and the seconds that took. */
    record Result(long records, double seconds) { }

    /** Waits until {@code target} records are applied; measures from this call to the last one. */
    static Result await(PostgresDatabase db, long target, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            long base = count(st);
            for (long n = base; System.nanoTime() < deadline; n = count(st)) {
                if (n >= target) {
                    return new Result(n - base, (System.nanoTime() - start) / 1e9);
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("processor applied " + count(st) + " of " + target + " records within " + timeout);
        }
    }

    private static long count(Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("select count(*) from processed_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
