package io.vodflow.processor.store;

import io.vodflow.contract.event.FileDeleted;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * processed_event: claims dedupe ids inside the batch transaction, so an event's effects apply exactly once. A
 * FileDeleted is the one exception: its body can recur as a new event (the same parts deleted again after a new
 * transcode), so its id counts as claimed only within the redelivery window and is claimed afresh after it.
 */
public class DedupeRepository {
    static final String CLAIM = """
            INSERT INTO processed_event AS p (dedupe_id, event_type)
            SELECT * FROM unnest($1::text[], $2::text[])
            ON CONFLICT (dedupe_id) DO UPDATE SET processed_at = now()
                WHERE p.processed_at < now() - $3::float8 * interval '1 second'
                  AND p.event_type = $4 AND EXCLUDED.event_type = p.event_type
            RETURNING dedupe_id
            """;
    private final DatabaseClient db;
    private final Duration deletionRedeliveryWindow;

    public DedupeRepository(DatabaseClient db, Duration deletionRedeliveryWindow) {
        this.db = db;
        this.deletionRedeliveryWindow = deletionRedeliveryWindow;
    }

    /** The redelivery window as CLAIM's third parameter. */
    static double windowSeconds(Duration window) {
        return window.toMillis() / 1000.0;
    }

    /** A dedupe id with the event type it belongs to. */
    public record Claim(String dedupeId, String eventType) { }

    static UnnestParameters<Claim> params(List<Claim> claims) {
        return new UnnestParameters<>(claims).text(Claim::dedupeId).text(Claim::eventType);
    }

    /** Inserts the ids and returns those that were new (not processed by an earlier transaction). */
    public Mono<Set<String>> claim(List<Claim> claims) {
        if (claims.isEmpty()) {
            return Mono.just(Set.of());
        }
        return params(claims).bind(db.sql(CLAIM)).bind(2, windowSeconds(deletionRedeliveryWindow)).bind(3, FileDeleted.TYPE)
                .map(row -> row.get(0, String.class))
                .all()
                .collect(HashSet::new, Set::add);
    }
}
