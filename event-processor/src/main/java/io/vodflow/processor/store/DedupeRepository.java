package io.vodflow.processor.store;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** processed_event: claims dedupe ids inside the batch transaction, so an event's effects apply exactly once. */
public class DedupeRepository {
    static final String CLAIM = """
            INSERT INTO processed_event (dedupe_id, event_type)
            SELECT * FROM unnest($1::text[], $2::text[])
            ON CONFLICT (dedupe_id) DO NOTHING
            RETURNING dedupe_id
            """;
    private final DatabaseClient db;

    public DedupeRepository(DatabaseClient db) {
        this.db = db;
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
        return params(claims).bind(db.sql(CLAIM))
                .map(row -> row.get(0, String.class))
                .all()
                .collect(HashSet::new, Set::add);
    }
}
