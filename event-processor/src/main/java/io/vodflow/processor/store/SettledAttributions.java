package io.vodflow.processor.store;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Which of a batch's uploaded files an earlier batch already attributed. Attribution is decided once, so an upload
 * event for such a file may claim no signature. Read without a lock: every event of one FileId is on one partition,
 * and a partition's batches run one at a time, so no other transaction attributes these files meanwhile.
 */
public class SettledAttributions {
    private static final String QUERY = "SELECT file_id FROM media WHERE file_id = ANY($1::text[]) AND attribution <> 'PENDING'";
    private final DatabaseClient db;

    public SettledAttributions(DatabaseClient db) {
        this.db = db;
    }

    /** The given files whose stored media is attributed (LINKED, UNATTRIBUTED or CONFLICT); none without a query when none given. */
    public Mono<Set<String>> of(Collection<String> fileIds) {
        if (fileIds.isEmpty()) {
            return Mono.just(Set.of());
        }
        return db.sql(QUERY).bind(0, fileIds.toArray(String[]::new)).map(row -> row.get("file_id", String.class)).all()
                .collect(HashSet::new, Set::add);
    }
}
