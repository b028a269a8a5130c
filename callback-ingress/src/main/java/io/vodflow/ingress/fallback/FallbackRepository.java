package io.vodflow.ingress.fallback;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.r2dbc.postgresql.codec.Json;
import io.vodflow.ingress.publish.CallbackRecord;
import io.vodflow.kit.db.TransactionLock;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;

/** SQL over {@code callback_fallback} (migration V3): callbacks Kafka could not take in time. */
public class FallbackRepository {
    private static final String INSERT = """
            INSERT INTO callback_fallback (record_key, value, headers, received_at)
            VALUES (:key, :value, :headers, :receivedAt)
            """;
    private static final String INSERT_PARKED = """
            INSERT INTO callback_fallback (record_key, value, headers, received_at, parked_at, park_reason)
            VALUES (:key, :value, :headers, :receivedAt, now(), :reason)
            """;
    private static final String OLDEST = """
            SELECT id, record_key, value, headers::text AS headers
            FROM callback_fallback WHERE parked_at IS NULL ORDER BY id LIMIT :limit FOR UPDATE
            """;
    private static final String DELETE = "DELETE FROM callback_fallback WHERE id = ANY(:ids)";
    private static final String COUNT_ATTEMPT = "UPDATE callback_fallback SET attempts = attempts + 1 WHERE id = ANY(:ids)";
    private static final String PARK = "UPDATE callback_fallback SET parked_at = now(), park_reason = :reason WHERE id = ANY(:ids)";
    private static final String COUNT = """
            SELECT count(*) FILTER (WHERE parked_at IS NULL) AS backlog, count(*) FILTER (WHERE parked_at IS NOT NULL) AS parked
            FROM callback_fallback
            """;

    private final DatabaseClient db;
    private final FallbackHeadersCodec headers;

    public FallbackRepository(DatabaseClient db, ObjectMapper json) {
        this.db = db;
        this.headers = new FallbackHeadersCodec(json);
    }

    /** Keeps one callback; completes once the insert has committed. */
    public Mono<Void> store(CallbackRecord r) {
        return bound(db.sql(INSERT), r).then();
    }

    /** Keeps one callback that Kafka refused for what it is, parked from the start (see {@link #park}). */
    public Mono<Void> storeParked(CallbackRecord r, String reason) {
        return bound(db.sql(INSERT_PARKED), r).bind("reason", reason).then();
    }

    private DatabaseClient.GenericExecuteSpec bound(DatabaseClient.GenericExecuteSpec spec, CallbackRecord r) {
        spec = spec
                .bind("value", r.value())
                .bind("headers", Json.of(headers.encode(r)))
                .bind("receivedAt", Instant.ofEpochMilli(r.receivedAtMillis()));
        return r.key() == null ? spec.bindNull("key", String.class) : spec.bind("key", r.key());
    }

    /** Takes the relay lock for the current transaction (one relay at a time, so arrival order holds across instances). */
    Mono<Boolean> tryRelayLock() {
        return TransactionLock.FALLBACK_RELAY.tryTake(db);
    }

    /** The oldest stored callbacks, in arrival order (call inside the relay transaction). */
    Flux<StoredCallback> oldest(int limit) {
        return db.sql(OLDEST).bind("limit", limit)
                .map(row -> new StoredCallback(row.get("id", Long.class),
                        headers.decode(row.get("record_key", String.class), row.get("value", byte[].class),
                                row.get("headers", String.class))))
                .all();
    }

    /** Removes callbacks that Kafka has acknowledged. */
    Mono<Long> delete(List<Long> ids) {
        return db.sql(DELETE).bind("ids", ids.toArray(Long[]::new)).fetch().rowsUpdated();
    }

    /** Records a failed relay attempt on the given callbacks. */
    Mono<Long> countAttempt(List<Long> ids) {
        return db.sql(COUNT_ATTEMPT).bind("ids", ids.toArray(Long[]::new)).fetch().rowsUpdated();
    }

    /** Sets callbacks that Kafka refused aside, so the relay passes them by (until an operator clears parked_at). */
    Mono<Long> park(List<Long> ids, String reason) {
        return db.sql(PARK).bind("ids", ids.toArray(Long[]::new)).bind("reason", reason).fetch().rowsUpdated();
    }

    /** How many callbacks wait for re-publication, and how many are parked. */
    public Mono<FallbackCounts> counts() {
        return db.sql(COUNT).map(row -> new FallbackCounts(row.get("backlog", Long.class), row.get("parked", Long.class))).one();
    }
}
