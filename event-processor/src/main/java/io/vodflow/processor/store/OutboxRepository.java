package io.vodflow.processor.store;

import io.vodflow.kit.db.TransactionLock;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.util.List;

/** outbox_event: written in the batch transaction, drained by the relay after Kafka acknowledged. */
public class OutboxRepository {
    static final String INSERT = """
            INSERT INTO outbox_event (event_id, event_type, file_id, user_id, payload)
            SELECT u.event_id, u.event_type, u.file_id, u.user_id, u.payload::json
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(event_id, event_type, file_id, user_id, payload)
            ON CONFLICT (event_id) DO NOTHING
            """;
    // no FOR UPDATE: the relay's advisory lock (below) already makes it the only reader and deleter of these rows until
    // it commits, and row locks would write every tuple once more before the delete
    private static final String CLAIM = """
            SELECT seq, event_id, event_type, file_id, payload::text AS payload
            FROM outbox_event ORDER BY seq LIMIT $1
            """;
    private static final String DELETE = "DELETE FROM outbox_event WHERE seq = ANY($1::int8[])";
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

    /**
     * True when this transaction may relay (no other instance is relaying right now): events leave in seq order, so
     * the events of one FileId reach their partition in the order they were committed.
     */
    public Mono<Boolean> tryLead() {
        return TransactionLock.OUTBOX_RELAY.tryTake(db);
    }

    /** Reads up to {@code limit} oldest entries; call only in a transaction that {@link #tryLead() leads}. */
    public Mono<List<Entry>> claim(int limit) {
        return db.sql(CLAIM).bind(0, limit)
                .map(row -> new Entry(row.get("seq", Long.class), row.get("event_id", String.class),
                        row.get("event_type", String.class), row.get("file_id", String.class), null,
                        row.get("payload", String.class)))
                .all().collectList();
    }

    /** Deletes relayed entries. */
    public Mono<Long> delete(List<Entry> entries) {
        Long[] seqs = entries.stream().map(Entry::seq).toArray(Long[]::new);
        return db.sql(DELETE).bind(0, seqs).fetch().rowsUpdated();
    }
}
