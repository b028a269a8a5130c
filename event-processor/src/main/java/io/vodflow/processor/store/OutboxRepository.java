package io.vodflow.processor.store;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.util.Comparator;
import java.util.List;

/** outbox_event: written in the batch transaction, taken by the relay in a transaction that commits after the Kafka ack. */
public class OutboxRepository {
    static final String INSERT = """
            INSERT INTO outbox_event (event_id, event_type, file_id, user_id, payload)
            SELECT u.event_id, u.event_type, u.file_id, u.user_id, u.payload::json
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(event_id, event_type, file_id, user_id, payload)
            ON CONFLICT (event_id) DO NOTHING
            """;
    // one statement locks and deletes the oldest rows; the relay commits only after Kafka acknowledged them, so a
    // failed send rolls the delete back
    private static final String TAKE = """
            DELETE FROM outbox_event WHERE seq IN (SELECT seq FROM outbox_event ORDER BY seq LIMIT $1 FOR UPDATE)
            RETURNING seq, event_id, event_type, file_id, payload::text AS payload
            """;
    // one relay at a time across instances (transaction-scoped advisory lock): events leave in seq order, so the
    // events of one FileId reach their partition in the order they were committed
    private static final String LEAD = "SELECT pg_try_advisory_xact_lock(72602310) AS leader";
    private final DatabaseClient db;

    public OutboxRepository(DatabaseClient db) {
        this.db = db;
    }

    /** One outbox row. */
    public record Entry(long seq, String eventId, String eventType, String fileId, String userId, String payload) { }

    /** Adds events to the outbox (an event id already present is skipped). */
    public Mono<Long> append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return Mono.just(0L);
        }
        return params(entries).bind(db.sql(INSERT)).fetch().rowsUpdated();
    }

    static UnnestParameters<Entry> params(List<Entry> entries) {
        return new UnnestParameters<>(entries).text(Entry::eventId).text(Entry::eventType).text(Entry::fileId)
                .text(Entry::userId).text(Entry::payload);
    }

    /** True when this transaction may relay (no other instance is relaying right now). */
    public Mono<Boolean> tryLead() {
        return db.sql(LEAD).map(row -> Boolean.TRUE.equals(row.get("leader", Boolean.class))).one();
    }

    /** Deletes up to {@code limit} oldest entries in the current transaction and returns them in seq order. */
    public Mono<List<Entry>> take(int limit) {
        return db.sql(TAKE).bind(0, limit)
                .map(row -> new Entry(row.get("seq", Long.class), row.get("event_id", String.class),
                        row.get("event_type", String.class), row.get("file_id", String.class), null,
                        row.get("payload", String.class)))
                .all().sort(Comparator.comparingLong(Entry::seq)).collectList();
    }
}
