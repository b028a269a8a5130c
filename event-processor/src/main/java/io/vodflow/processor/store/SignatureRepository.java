package io.vodflow.processor.store;

import io.vodflow.processor.project.SignatureRecord;
import io.vodflow.processor.project.SignatureUse;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * upload_signature (owned by the signer): locks the rows a batch claims and, when several upload events of the batch
 * claim one signature, reads in the same round trip which of their files an earlier batch attributed (attribution is
 * decided once, so an upload event for such a file claims no signature). The media rows need no lock: every event of one FileId is on one partition, whose
 * batches run one at a time. MARK_USED runs in {@link ProjectionRepository}'s statement.
 */
public class SignatureRepository {
    // ORDER BY id: every transaction locks in the same order, so parallel partitions cannot deadlock here
    private static final String LOCK = """
            SELECT 's' AS kind, id, user_id, state, one_time, used_file_id FROM (
                SELECT id::text AS id, user_id::text AS user_id, state, one_time, used_file_id
                FROM upload_signature WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE) s
            """;
    private static final String LOCK_AND_FIND_ATTRIBUTED = LOCK + """
            UNION ALL
            SELECT 'm', file_id, NULL, NULL, NULL, NULL FROM media WHERE file_id = ANY($2::text[]) AND attribution <> 'PENDING'
            """;
    // "m" is the media upsert's CTE in the same statement: a signature is used only when the media it claims now names
    // it, so a second NewFileUpload claiming an already-attributed file never burns another user's signature
    static final String MARK_USED = """
            UPDATE upload_signature s
            SET state = 'USED', state_changed_at = now(), used_at = COALESCE(s.used_at, now()),
                used_file_id = COALESCE(s.used_file_id, u.file_id)
            FROM unnest($1::uuid[], $2::text[]) AS u(id, file_id)
            WHERE s.id = u.id AND (s.state <> 'USED' OR s.used_file_id IS NULL)
                AND EXISTS (SELECT 1 FROM m WHERE m.file_id = u.file_id AND m.signature_id = s.id::text)
            """;
    private final DatabaseClient db;

    public SignatureRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The locked signature rows by id, and the uploaded files whose media an earlier batch attributed. */
    public record Claims(Map<UUID, SignatureRecord> signatures, Set<String> attributedFiles) {
        static final Claims NONE = new Claims(Map.of(), Set.of());
    }

    /** Locks (FOR UPDATE) the signature rows with these ids and finds which of these files are attributed already. */
    public Mono<Claims> lock(Collection<UUID> ids, Collection<String> uploadedFiles) {
        if (ids.isEmpty() && uploadedFiles.isEmpty()) {
            return Mono.just(Claims.NONE);
        }
        String[] array = ids.stream().map(UUID::toString).sorted().toArray(String[]::new);
        Claims claims = new Claims(new HashMap<>(), new HashSet<>());
        var statement = uploadedFiles.isEmpty() ? db.sql(LOCK).bind(0, array)
                : db.sql(LOCK_AND_FIND_ATTRIBUTED).bind(0, array).bind(1, uploadedFiles.toArray(String[]::new));
        return statement.map(row -> {
                    if ("m".equals(row.get("kind", String.class))) {
                        return claims.attributedFiles().add(row.get("id", String.class));
                    }
                    SignatureRecord s = new SignatureRecord(UUID.fromString(row.get("id", String.class)),
                            row.get("user_id", String.class), row.get("state", String.class),
                            Boolean.TRUE.equals(row.get("one_time", Boolean.class)), row.get("used_file_id", String.class));
                    return claims.signatures().put(s.id(), s) == null;
                })
                .all().then(Mono.just(claims));
    }

    static UnnestParameters<SignatureUse> params(List<SignatureUse> uses) {
        return new UnnestParameters<>(uses).uuid(SignatureUse::signatureId).text(SignatureUse::fileId);
    }
}
