package io.vodflow.processor.reconcile;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

import java.time.Duration;

/**
 * Finds tasks that stopped moving before FINISH and stamps them checked (SKIP LOCKED: instances share the work).
 * Never-checked tasks come first, then the ones checked longest ago: tasks VOD no longer knows or keeps calling
 * PROCESSING come back every recheck period, and ordered by age alone a hundred of them would starve a task that
 * got stuck today. The sub-application is the one the task's callbacks came for, else the one its upload was
 * signed for (vodSubAppId); null when neither says.
 */
public class StaleTaskRepository {
    private static final String CLAIM = """
            UPDATE procedure_task t SET last_checked_at = now()
            WHERE t.task_id IN (
                SELECT task_id FROM procedure_task
                WHERE status_rank < 3 AND updated_at < now() - make_interval(secs => $1)
                  AND (last_checked_at IS NULL OR last_checked_at < now() - make_interval(secs => $2))
                ORDER BY last_checked_at NULLS FIRST, updated_at LIMIT $3 FOR UPDATE SKIP LOCKED)
            RETURNING t.task_id, t.file_id, COALESCE(t.sub_app_id,
                (SELECT s.sub_app_id FROM media m JOIN upload_signature s ON s.id = m.signature_id
                 WHERE m.file_id = t.file_id AND s.sub_app_id > 0)) AS sub_app_id
            """;
    private final DatabaseClient db;

    public StaleTaskRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A task to check; {@code subAppId} null when unknown. */
    public record StaleTask(String taskId, String fileId, Long subAppId) { }

    public Flux<StaleTask> claim(Duration after, Duration recheck, int limit) {
        return db.sql(CLAIM).bind(0, after.toMillis() / 1000.0).bind(1, recheck.toMillis() / 1000.0).bind(2, limit)
                .map(r -> new StaleTask(r.get("task_id", String.class), r.get("file_id", String.class),
                        r.get("sub_app_id", Long.class)))
                .all();
    }
}
