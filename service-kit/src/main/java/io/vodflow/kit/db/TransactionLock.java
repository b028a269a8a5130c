package io.vodflow.kit.db;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The transaction-scoped advisory locks that let one instance at a time do a job, every key in one place: the
 * services share one database, so a key chosen twice would make two unrelated jobs shut each other out.
 */
public enum TransactionLock {
    /** The ingress's relay of its fallback store to Kafka ("vodflow3"). */
    FALLBACK_RELAY(0x766f64666c6f7733L),
    /** The processor's outbox relay to vod.media.events. */
    OUTBOX_RELAY(72602310L),
    /** The processor's replay of vod.callbacks.DLT. */
    DEAD_LETTER_REPLAY(72602311L);

    private static final String TRY_TAKE = "SELECT pg_try_advisory_xact_lock($1) AS locked";
    private final long key;

    TransactionLock(long key) {
        this.key = key;
    }

    /** The advisory lock key. */
    public long key() {
        return key;
    }

    /** Takes the lock until the current transaction ends; false when another transaction holds it. */
    public Mono<Boolean> tryTake(DatabaseClient db) {
        return db.sql(TRY_TAKE).bind(0, key).map(row -> Boolean.TRUE.equals(row.get("locked", Boolean.class))).one();
    }
}
