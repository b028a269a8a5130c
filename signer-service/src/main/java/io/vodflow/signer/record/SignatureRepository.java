package io.vodflow.signer.record;

import io.r2dbc.spi.Readable;
import io.vodflow.kit.page.PageRequest;
import io.vodflow.kit.problem.BadPageProblem;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Reads and changes single signature rows (inserts go through {@link SignatureBatchWriter}). */
@Repository
public class SignatureRepository {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final String COLUMNS = """
            id, user_id, secret_id, random, issued_at, expires_at, one_time, procedure, class_id, sub_app_id,
            task_priority::int AS task_priority, task_notify_mode, storage_region, session_context, client_context,
            requester_ip, source_context, state, state_changed_at, used_at, used_file_id, revoked_at, expired_at,
            idempotency_key""";

    private static final String FIND = "SELECT " + COLUMNS + " FROM upload_signature WHERE id = $1";

    private static final String FIND_BY_KEY = "SELECT " + COLUMNS
            + " FROM upload_signature WHERE secret_id = $1 AND issued_epoch = $2 AND random = $3";

    private static final String FIND_BY_IDEMPOTENCY_KEY = "SELECT " + COLUMNS + ", request_fingerprint"
            + " FROM upload_signature WHERE user_id = $1 AND idempotency_key = $2";

    // a state filter is on the state as shown: an ISSUED row past its expiry is EXPIRED before the sweeper marks it
    private static final String PAGE = "SELECT " + COLUMNS + """
             FROM upload_signature WHERE user_id = $1
            AND ($2::text IS NULL
                 OR ($2 = 'ISSUED' AND state = 'ISSUED' AND expires_at > now())
                 OR ($2 = 'EXPIRED' AND (state = 'EXPIRED' OR (state = 'ISSUED' AND expires_at <= now())))
                 OR ($2 IN ('USED', 'REVOKED') AND state = $2))
            AND ($5::timestamptz IS NULL OR (issued_at, id) < ($5::timestamptz, $6::uuid))
            ORDER BY issued_at DESC, id DESC LIMIT $3 OFFSET $4""";

    private static final String REVOKE = """
            UPDATE upload_signature SET state = 'REVOKED', revoked_at = now(), state_changed_at = now()
            WHERE id = $1 AND state = 'ISSUED' AND expires_at > now()""";

    private static final String COUNT_OUTSTANDING_ONE_TIME = """
            SELECT count(*) AS held, min(expires_at) AS soonest FROM upload_signature
            WHERE user_id = $1 AND state = 'ISSUED' AND one_time AND expires_at > now()""";

    private final DatabaseClient db;

    public SignatureRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The row with this id, if any. */
    public Mono<SignatureRecord> find(UUID id) {
        return db.sql(FIND).bind(0, id).map(SignatureRepository::toRecord).one().timeout(TIMEOUT).onErrorMap(SignatureRepository::unavailable);
    }

    /** The row of a signature by its unique (secretId, currentTimeStamp, random), if any. */
    public Mono<SignatureRecord> findByKey(String secretId, long issuedEpoch, long random) {
        return db.sql(FIND_BY_KEY).bind(0, secretId).bind(1, issuedEpoch).bind(2, random)
                .map(SignatureRepository::toRecord).one().timeout(TIMEOUT).onErrorMap(SignatureRepository::unavailable);
    }

    /** The row this user's Idempotency-Key was first used for, with that request's fingerprint, if any. */
    public Mono<IdempotentOriginal> findByIdempotencyKey(String userId, String idempotencyKey) {
        return db.sql(FIND_BY_IDEMPOTENCY_KEY).bind(0, userId).bind(1, idempotencyKey)
                .map(row -> new IdempotentOriginal(toRecord(row), row.get("request_fingerprint", String.class)))
                .one().timeout(TIMEOUT).onErrorMap(SignatureRepository::unavailable);
    }

    /**
     * The rows of one page of the user, newest first (one extra: see {@link PageRequest#fetchLimit()}), after the
     * request's cursor if it has one; {@code state} null = any. A cursor keyed by anything but a signature id is a
     * {@link BadPageProblem} (400).
     */
    public Flux<SignatureRecord> page(String userId, SignatureState state, PageRequest request) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(PAGE).bind(0, userId);
        spec = state == null ? spec.bindNull(1, String.class) : spec.bind(1, state.name());
        spec = spec.bind(2, request.fetchLimit()).bind(3, request.offset());
        spec = request.after() == null ? spec.bindNull(4, Instant.class).bindNull(5, UUID.class)
                : spec.bind(4, request.after().at()).bind(5, request.after().uuidKey().orElseThrow(BadPageProblem::badCursor));
        return spec.map(SignatureRepository::toRecord).all().timeout(TIMEOUT).onErrorMap(SignatureRepository::unavailable);
    }

    /** Marks an unused, unexpired row REVOKED; true when this call revoked it. */
    public Mono<Boolean> revoke(UUID id) {
        return db.sql(REVOKE).bind(0, id).fetch().rowsUpdated().map(n -> n > 0).timeout(TIMEOUT).onErrorMap(SignatureRepository::unavailable);
    }

    /** One-time signatures of the user that are still usable. */
    public Mono<OutstandingOneTime> outstandingOneTime(String userId) {
        return db.sql(COUNT_OUTSTANDING_ONE_TIME).bind(0, userId)
                .map(row -> new OutstandingOneTime(row.get("held", Long.class), row.get("soonest", Instant.class)))
                .one().timeout(TIMEOUT).onErrorMap(SignatureRepository::unavailable);
    }

    private static Throwable unavailable(Throwable error) {
        return new SignatureStoreUnavailableException(error);
    }

    static SignatureRecord toRecord(Readable row) {
        return new SignatureRecord(
                row.get("id", UUID.class),
                row.get("user_id", String.class),
                row.get("secret_id", String.class),
                row.get("random", Long.class),
                row.get("issued_at", Instant.class),
                row.get("expires_at", Instant.class),
                Boolean.TRUE.equals(row.get("one_time", Boolean.class)),
                row.get("procedure", String.class),
                row.get("class_id", Integer.class),
                row.get("sub_app_id", Long.class),
                row.get("task_priority", Integer.class),
                row.get("task_notify_mode", String.class),
                row.get("storage_region", String.class),
                row.get("session_context", String.class),
                row.get("client_context", String.class),
                row.get("requester_ip", String.class),
                row.get("source_context", String.class),
                SignatureState.valueOf(row.get("state", String.class)),
                row.get("state_changed_at", Instant.class),
                row.get("used_at", Instant.class),
                row.get("used_file_id", String.class),
                row.get("revoked_at", Instant.class),
                row.get("expired_at", Instant.class),
                row.get("idempotency_key", String.class));
    }
}
